/**
 * Saves bytes the main process produced (a PDF, a CSV). One path for both hosts: a blob download
 * — in the browser it lands in Downloads, in Electron the main process's will-download handler
 * shows the save dialog.
 */
export function saveBase64File(fileName: string, base64: string, type = 'application/pdf'): void {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  saveBytes(fileName, bytes, type);
}

export function saveBytes(fileName: string, bytes: Uint8Array | string, type: string): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

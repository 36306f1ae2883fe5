import { AppError } from '../../src-shared/errors';
import { MAX_FILE_BYTES } from '../../src-shared/limits';

/**
 * What the Files tab refuses on import, with the reason in words: empty files, files over
 * MAX_FILE_BYTES, and programs or scripts (by extension and by their first bytes, so a renamed
 * executable is caught too). A sign shop's files are photos, artwork, plans and documents; a
 * program attached to a project would reach every laptop of the organization.
 */
const EXECUTABLE_EXTENSIONS = new Set(
  (
    'exe dll com scr msi msp msix appx bat cmd ps1 psm1 vbs vbe js jse wsf wsh hta cpl jar ' +
    'sh bash zsh csh ksh fish command app pkg deb rpm apk appimage run elf so dylib lnk reg ' +
    'gadget msc pif py pyw pl rb'
  ).split(' '),
);

function magicKind(b: Uint8Array): string | null {
  const at = (i: number) => b[i] ?? -1;
  if (at(0) === 0x4d && at(1) === 0x5a) return 'a Windows program (MZ)';
  if (at(0) === 0x7f && at(1) === 0x45 && at(2) === 0x4c && at(3) === 0x46)
    return 'a Linux program (ELF)';
  const w = ((at(0) << 24) | (at(1) << 16) | (at(2) << 8) | at(3)) >>> 0;
  if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(w))
    return 'a macOS program (Mach-O)';
  if (at(0) === 0x23 && at(1) === 0x21) return 'a script (#!)';
  return null;
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

export function checkImport(fileName: string, bytes: Uint8Array): void {
  const refuse = (msg: string) => {
    throw new AppError('VALIDATION', msg, { file: msg });
  };
  if (bytes.length === 0) refuse(`${fileName} is empty (0 bytes), so there is nothing to add.`);
  if (bytes.length > MAX_FILE_BYTES)
    refuse(
      `${fileName} is ${mb(bytes.length)}; files can be at most ${mb(MAX_FILE_BYTES)}. ` +
        'Keep bigger files on the company file share and note where in the project.',
    );
  const ext = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  if (ext && EXECUTABLE_EXTENSIONS.has(ext))
    refuse(`${fileName} is a program or script (.${ext}); those cannot be added to a project.`);
  const kind = magicKind(bytes);
  if (kind)
    refuse(
      `${fileName} is ${kind}, whatever its name says; programs cannot be added to a project.`,
    );
}

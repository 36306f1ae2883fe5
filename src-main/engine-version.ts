// Replaced by the engine's own ENGINE_VERSION once the engine lands (src-main/engine).
export const ENGINE_VERSION_FOR_INFO = '0.0.0';

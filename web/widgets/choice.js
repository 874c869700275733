// choice widgets (being built).
export const BUILDERS = {};

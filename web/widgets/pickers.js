// pickers widgets (being built).
export const BUILDERS = {};

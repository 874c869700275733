// files widgets (being built).
export const BUILDERS = {};

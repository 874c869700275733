// ranges widgets (being built).
export const BUILDERS = {};

// chat widgets (being built).
export const BUILDERS = {};

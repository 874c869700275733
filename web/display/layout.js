// layout display elements (being built).
export const BUILDERS = {};

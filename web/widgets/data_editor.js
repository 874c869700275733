// data_editor widgets (being built).
export const BUILDERS = {};

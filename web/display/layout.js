// layout display elements: none (the layout containers live in web/blocks.js; heading
// anchors are drawn by web/display/text.js).
export const BUILDERS = {};

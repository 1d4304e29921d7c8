// Shown by browsers that cannot load the app at all (no module scripts, so no WebAssembly
// either): the page says so in both languages instead of staying blank. start.js does the same
// for a browser that runs modules but lacks WebAssembly, or when the module fails to start.
var box = document.getElementById('unsupported');
if (box) box.hidden = false;

// The workshop's .xlsx module, loaded the first time a workbook is read or written (it weighs
// about as much as the rest of the workshop, so nobody downloads it who does not use it).
// scripts/build.sh writes the module's hashed file names into this tag's data-* attributes
// on workshop.html. The app calls window.dongliangXlsx() and gets the module's exports
// (readCohort, writeCohort, writeRanking, writeComparison, writeTemplate; src/xlsx_module).
const tag = document.querySelector('script[data-xlsx-js]');
let loading = null;
window.dongliangXlsx = () => {
  if (!tag) return Promise.reject(new Error('this edition cannot read or write .xlsx workbooks'));
  loading ??= import(new URL(tag.dataset.xlsxJs, document.baseURI).href).then(async (module) => {
    await module.default({ module_or_path: new URL(tag.dataset.xlsxWasm, document.baseURI) });
    return module;
  });
  loading.catch(() => { loading = null; });
  return loading;
};

// api.html: evaluates a small dossier with the embedders' module once it has started, to show
// that the module answers (and for the e2e test of the JS API).
addEventListener('TrunkApplicationStarted', () => {
  const result = window.dongliang.evaluate({
    unit_score: 92,
    pledges: [{ area: 'key_work', grade: 'A', quarters: [95, 93, null, null] }],
    votes: { district_leaders: { good: 12, fairly_good: 2 } },
  });
  document.getElementById('demo').textContent = `${result.total} (${result.tier})`;
});

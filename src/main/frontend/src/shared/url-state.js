// Page state kept in the URL query, so that filters, sort order and language survive a reload and can be shared.
export function readState(defaults) {
  const params = new URLSearchParams(window.location.search);
  const state = { ...defaults };
  for (const key of Object.keys(defaults)) {
    if (params.has(key)) state[key] = params.get(key);
  }
  return state;
}

export function writeState(state, defaults) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) {
    if (value !== undefined && value !== null && value !== '' && value !== defaults[key]) params.set(key, value);
  }
  const query = params.toString();
  window.history.replaceState(null, '', window.location.pathname + (query ? `?${query}` : '') + window.location.hash);
}

/** The query string of the API filters among the state's keys. */
export function apiQuery(state, keys) {
  const params = new URLSearchParams();
  for (const key of keys) {
    if (state[key]) params.set(key, state[key]);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

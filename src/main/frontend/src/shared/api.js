// Same-origin calls with the session cookie of the login form; a lost session goes back to the login page.
export async function getJson(path) {
  return (await get(path, 'application/json')).json();
}

export async function getText(path) {
  return (await get(path, '*/*')).text();
}

async function get(path, accept) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: accept } });
  if (response.status === 401) {
    window.location.assign('/login');
    throw new Error('not logged in');
  }
  if (!response.ok) {
    throw new Error(`${path}: HTTP ${response.status}`);
  }
  return response;
}

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

let csrf = null;

/**
 * A changing call with the session's CSRF token; answers { ok, status, body }, body the JSON answer or problem
 * detail (null when empty), so that the page can word a refusal by its codes.
 */
export async function send(method, path, body, headers = {}) {
  csrf = csrf || (await getJson('/api/csrf'));
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json', [csrf.headerName]: csrf.token, ...headers } };
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (response.status === 401) {
    window.location.assign('/login');
    throw new Error('not logged in');
  }
  const text = await response.text();
  return { ok: response.ok, status: response.status, body: text ? JSON.parse(text) : null };
}

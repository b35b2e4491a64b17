// Passkeys (WebAuthn) on "Mon compte" (add one) and on /connexion (log in with one), through Spring Security's
// endpoints: POST /webauthn/register/options then /webauthn/register; POST /webauthn/authenticate/options then
// /login/webauthn. Each request carries the page's CSRF token (the form's hidden field, sent as the header named
// by data-csrf-header). The messages shown are in the page (data-* attributes), so they follow its language.
// A separate file, since the Content-Security-Policy forbids inline scripts.

function toBase64url(buffer) {
  const text = String.fromCharCode(...new Uint8Array(buffer));
  return btoa(text).replace(/=/g, '').replace(/\+/g, '-').replace(/\//g, '_');
}

function fromBase64url(value) {
  const text = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

async function post(form, url, body) {
  const token = form.querySelector('input[name="_csrf"]');
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (token) headers[form.dataset.csrfHeader || 'X-CSRF-TOKEN'] = token.value;
  return fetch(url, {
    method: 'POST', headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

function say(form, message) {
  const status = form.querySelector('[data-cle-message]');
  if (status) status.textContent = message;
}

async function register(form) {
  const label = form.querySelector('input[name="nom"]').value.trim();
  if (!label) {
    say(form, form.dataset.msgNom);
    return;
  }
  const optionsResponse = await post(form, '/webauthn/register/options');
  if (!optionsResponse.ok) throw new Error(`options ${optionsResponse.status}`);
  const options = await optionsResponse.json();
  const publicKey = {
    ...options,
    challenge: fromBase64url(options.challenge),
    user: { ...options.user, id: fromBase64url(options.user.id) },
    excludeCredentials: (options.excludeCredentials || []).map((c) => ({ ...c, id: fromBase64url(c.id) })),
  };
  const created = await navigator.credentials.create({ publicKey });
  const credential = {
    id: created.id,
    rawId: toBase64url(created.rawId),
    response: {
      attestationObject: toBase64url(created.response.attestationObject),
      clientDataJSON: toBase64url(created.response.clientDataJSON),
      transports: created.response.getTransports ? created.response.getTransports() : [],
    },
    type: created.type,
    clientExtensionResults: created.getClientExtensionResults(),
    authenticatorAttachment: created.authenticatorAttachment,
  };
  const saved = await post(form, '/webauthn/register', { publicKey: { credential, label } });
  const answer = saved.ok ? await saved.json() : null;
  if (!answer || !answer.success) throw new Error(`register ${saved.status}`);
  window.location.assign('/compte?fait=cle-ajoutee#cles');
}

async function logIn(form) {
  const optionsResponse = await post(form, '/webauthn/authenticate/options');
  if (!optionsResponse.ok) throw new Error(`options ${optionsResponse.status}`);
  const options = await optionsResponse.json();
  const publicKey = {
    ...options,
    challenge: fromBase64url(options.challenge),
    allowCredentials: (options.allowCredentials || []).map((c) => ({ ...c, id: fromBase64url(c.id) })),
  };
  const asserted = await navigator.credentials.get({ publicKey });
  const response = asserted.response;
  const body = {
    id: asserted.id,
    rawId: toBase64url(asserted.rawId),
    response: {
      authenticatorData: toBase64url(response.authenticatorData),
      clientDataJSON: toBase64url(response.clientDataJSON),
      signature: toBase64url(response.signature),
      userHandle: response.userHandle ? toBase64url(response.userHandle) : undefined,
    },
    credType: asserted.type,
    clientExtensionResults: asserted.getClientExtensionResults(),
    authenticatorAttachment: asserted.authenticatorAttachment,
  };
  const answered = await post(form, '/login/webauthn', body);
  const answer = await answered.json().catch(() => ({}));
  if (answered.ok && answer.authenticated) {
    // only a path of this site: the server's redirectUrl is the page asked for before login
    const target = new URL(answer.redirectUrl || '/', window.location.origin);
    window.location.assign(target.origin === window.location.origin ? target.pathname + target.search : '/');
    return;
  }
  const reason = /^[a-z-]+$/.test(answer.raison || '') ? answer.raison : 'cle-refusee';
  window.location.assign(`/connexion?${reason === 'error' ? 'cle-refusee' : reason}`);
}

function wire(form, action) {
  if (!window.PublicKeyCredential) {
    say(form, form.dataset.msgIndisponible);
    form.querySelector('button').disabled = true;
    return;
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    say(form, '');
    action(form).catch(() => say(form, form.dataset.msgEchec));
  });
}

const add = document.querySelector('form[data-cle="ajout"]');
if (add) wire(add, register);
const login = document.querySelector('form[data-cle="connexion"]');
if (login) wire(login, logIn);

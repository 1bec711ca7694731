import type { App } from '../fastify-types.ts';

// Static on purpose: nothing from the request or the database is interpolated, so the page cannot
// carry an injection. The token arrives in the URL fragment, which browsers never send to us.
const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Set up your Toombos account</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; color: #1a1a1a; background: #fff; }
  label { display: block; margin-top: 1rem; font-weight: 600; }
  .hint { font-weight: 400; font-size: .875rem; color: #4a4a4a; }
  input { display: block; width: 100%; box-sizing: border-box; margin-top: .25rem; padding: .5rem; font: inherit; border: 1px solid #767676; border-radius: 4px; }
  button { margin-top: 1.5rem; padding: .6rem 1.2rem; font: inherit; border: 0; border-radius: 4px; background: #1d4ed8; color: #fff; cursor: pointer; }
  button:disabled { background: #767676; }
  :focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
  #status { margin-top: 1.5rem; }
  .error { color: #b91c1c; }
  @media (prefers-color-scheme: dark) {
    body { color: #eee; background: #111; }
    .hint { color: #bbb; }
    input { background: #222; color: #eee; border-color: #999; }
    .error { color: #fca5a5; }
  }
</style>
</head>
<body>
<main>
  <h1>Set up your account</h1>
  <p>Choose a password to finish your invitation. This link works once.</p>
  <form id="setup" novalidate>
    <label for="name">Name <span class="hint">(optional)</span></label>
    <input id="name" name="name" autocomplete="name" maxlength="100">
    <label for="email">Email <span class="hint">(optional: leave empty to keep the invited address)</span></label>
    <input id="email" name="email" type="email" autocomplete="email" maxlength="254">
    <label for="password">Password <span class="hint">(at least 12 characters)</span></label>
    <input id="password" name="password" type="password" autocomplete="new-password" minlength="12" maxlength="200" required aria-describedby="status">
    <button type="submit">Finish setup</button>
  </form>
  <div id="status" role="status" aria-live="polite"></div>
</main>
<script>
(function () {
  var form = document.getElementById('setup');
  var status = document.getElementById('status');
  var nameInput = document.getElementById('name');
  var emailInput = document.getElementById('email');
  var passwordInput = document.getElementById('password');
  var token = new URLSearchParams(location.hash.slice(1)).get('token');

  function show(message, isError) {
    status.textContent = message;
    status.className = isError ? 'error' : '';
  }

  if (!token) {
    show('This page needs the full setup link (it ends with #token=…). Open the link you were sent.', true);
    form.querySelector('button').disabled = true;
    return;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var body = { token: token, password: passwordInput.value };
    if (nameInput.value.trim()) body.name = nameInput.value.trim();
    if (emailInput.value.trim()) body.email = emailInput.value.trim();
    if (body.password.length < 12) {
      show('The password must be at least 12 characters.', true);
      passwordInput.focus();
      return;
    }
    var button = form.querySelector('button');
    button.disabled = true;
    show('Setting up…', false);
    fetch('/v1/auth/setup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (data) {
          if (!response.ok) throw new Error(data.detail || 'Setup failed (HTTP ' + response.status + ').');
          return data;
        });
      })
      .then(function () {
        history.replaceState(null, '', location.pathname);
        form.hidden = true;
        status.className = '';
        status.textContent = 'Your account is ready and you are signed in. ';
        var link = document.createElement('a');
        link.href = '/docs';
        link.textContent = 'Open the API documentation';
        status.appendChild(link);
        status.appendChild(document.createTextNode('.'));
        link.focus();
      })
      .catch(function (error) {
        show(error.message, true);
        button.disabled = false;
      });
  });
})();
</script>
</body>
</html>
`;

export function setupPageRoutes(app: App): void {
  // Until the dashboard exists, the root sends people to the API documentation.
  app.get('/', {
    config: { access: 'public' },
    schema: { hide: true },
    handler: (_request, reply) => reply.redirect('/docs', 302),
  });

  app.get('/setup', {
    config: { access: 'public' },
    schema: { hide: true },
    handler: (_request, reply) =>
      reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(html),
  });
}

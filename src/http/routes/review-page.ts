// Static on purpose, like the setup page: nothing from the request or the database is
// interpolated, and the script writes what it loads with textContent only (never as HTML). The
// token arrives in the URL fragment, which browsers never send to us; the script sends it as the
// X-Review-Token header.
export const reviewPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Review a campaign</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; background: #fff; }
  article { border: 1px solid #c4c4c4; border-radius: 6px; padding: 1rem; margin: 1rem 0; }
  h2 { font-size: 1rem; margin: 0 0 .5rem; color: #4a4a4a; }
  h3 { font-size: 1.125rem; margin: 0 0 .5rem; }
  .text { white-space: pre-wrap; }
  label { display: block; margin-top: 1.5rem; font-weight: 600; }
  textarea { display: block; width: 100%; box-sizing: border-box; min-height: 6rem; margin-top: .25rem; padding: .5rem; font: inherit; border: 1px solid #767676; border-radius: 4px; }
  button { margin: 1rem .5rem 0 0; padding: .6rem 1.2rem; font: inherit; border: 0; border-radius: 4px; color: #fff; cursor: pointer; }
  #approve { background: #15803d; } #reject { background: #b91c1c; }
  button:disabled { background: #767676; }
  :focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
  .error { color: #b91c1c; }
  @media (prefers-color-scheme: dark) {
    body { color: #eee; background: #111; } h2 { color: #bbb; } article { border-color: #555; }
    textarea { background: #222; color: #eee; border-color: #999; } .error { color: #fca5a5; }
  }
</style>
</head>
<body>
<main>
  <h1 id="title">Review a campaign</h1>
  <p id="intro"></p>
  <section id="drafts" aria-label="Drafts"></section>
  <form id="decide" hidden novalidate>
    <label for="comment">Comment <span>(required to reject)</span></label>
    <textarea id="comment" maxlength="5000"></textarea>
    <button type="button" id="approve">Approve</button>
    <button type="button" id="reject">Reject</button>
  </form>
  <div id="status" role="status" aria-live="polite"></div>
</main>
<script>
(function () {
  var token = new URLSearchParams(location.hash.slice(1)).get('token');
  var status = document.getElementById('status');
  var form = document.getElementById('decide');
  function show(message, isError) { status.textContent = message; status.className = isError ? 'error' : ''; }
  function call(method, path, body) {
    return fetch(path, {
      method: method,
      headers: body ? { 'content-type': 'application/json', 'x-review-token': token } : { 'x-review-token': token },
      body: body ? JSON.stringify(body) : undefined,
      credentials: 'omit',
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) throw new Error(data.detail || 'HTTP ' + response.status);
        return data;
      });
    });
  }
  if (!token) { show('This page needs the full review link (it ends with #token=…).', true); return; }
  call('GET', '/v1/review').then(function (preview) {
    document.getElementById('title').textContent = 'Review: ' + preview.campaign.name;
    document.getElementById('intro').textContent = 'For ' + preview.reviewerName + '. This link works until ' +
      new Date(preview.expiresAt).toLocaleString() + (preview.stage ? '; it decides for the stage "' + preview.stage.name + '".' : '.');
    var list = document.getElementById('drafts');
    preview.drafts.forEach(function (draft) {
      var article = document.createElement('article');
      var channel = document.createElement('h2'); channel.textContent = draft.target; article.appendChild(channel);
      if (draft.title) { var title = document.createElement('h3'); title.textContent = draft.title; article.appendChild(title); }
      var text = document.createElement('div'); text.className = 'text'; text.textContent = draft.text; article.appendChild(text);
      list.appendChild(article);
    });
    if (preview.decision) show('You have already decided: ' + preview.decision + '.', false);
    else if (preview.stage) form.hidden = false;
    else show('This campaign is not waiting for a decision.', false);
  }).catch(function (error) { show(error.message, true); });
  function decide(decision) {
    var comment = document.getElementById('comment').value.trim();
    if (decision === 'reject' && !comment) { show('Say why you reject it in the comment.', true); return; }
    form.querySelectorAll('button').forEach(function (button) { button.disabled = true; });
    call('POST', '/v1/review/' + decision, comment ? { comment: comment } : {}).then(function () {
      form.hidden = true;
      show(decision === 'approve' ? 'Approved. Thank you.' : 'Rejected. Thank you.', false);
    }).catch(function (error) {
      show(error.message, true);
      form.querySelectorAll('button').forEach(function (button) { button.disabled = false; });
    });
  }
  document.getElementById('approve').addEventListener('click', function () { decide('approve'); });
  document.getElementById('reject').addEventListener('click', function () { decide('reject'); });
})();
</script>
</body>
</html>
`;

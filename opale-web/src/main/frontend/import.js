// The import pages' progressive enhancement (no inline script: the CSP forbids it).
// 1. /admin/import: the upload goes through XMLHttpRequest so that a progress bar shows how much has been sent;
//    the server answers with a redirect to the analysis page, which the browser then opens.
// 2. /admin/import/taches/{id}: the job is polled (GET /api/ingest/jobs/{id}) until it ends, then the page is
//    reloaded to show the outcome and the link to the record.
// Without JavaScript both pages work as plain forms and links.

const upload = document.getElementById('import-upload');
if (upload) {
  upload.addEventListener('submit', (event) => {
    const input = upload.querySelector('input[type=file]');
    if (!input || !input.files || input.files.length === 0 || !window.XMLHttpRequest) {
      return;
    }
    event.preventDefault();
    const box = document.getElementById('upload-progress');
    const bar = document.getElementById('upload-bar');
    const status = document.getElementById('upload-status');
    const button = upload.querySelector('button[type=submit]');
    box.hidden = false;
    button.disabled = true;
    const xhr = new XMLHttpRequest();
    xhr.open('POST', upload.action);
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) {
        const percent = Math.round((e.loaded / e.total) * 100);
        bar.value = percent;
        bar.textContent = percent + ' %';
        status.textContent = percent + ' %';
      }
    });
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300 && xhr.responseURL) {
        window.location.assign(xhr.responseURL);
      } else {
        document.open();
        document.write(xhr.responseText);
        document.close();
      }
    });
    xhr.addEventListener('error', () => {
      status.textContent = upload.dataset.error || 'Erreur réseau : envoi interrompu.';
      button.disabled = false;
    });
    xhr.send(new FormData(upload));
  });
}

const job = document.getElementById('import-job');
if (job && job.dataset.finished !== 'true') {
  const rows = document.getElementById('job-rows');
  const status = document.getElementById('job-status');
  const poll = async () => {
    try {
      const response = await fetch('/api/ingest/jobs/' + encodeURIComponent(job.dataset.job),
        { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (response.ok) {
        const state = await response.json();
        if (['succeeded', 'failed', 'cancelled'].includes(state.status)) {
          window.location.reload();
          return;
        }
        rows.textContent = rows.textContent.replace(/[\d\s\u202f]+/, ' ' + state.progress.toLocaleString('fr-FR') + ' ');
        status.dataset.state = state.status;
      }
    } catch (e) {
      // network hiccup: try again at the next tick
    }
    window.setTimeout(poll, 1000);
  };
  window.setTimeout(poll, 500);
}

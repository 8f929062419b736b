/* global document, window, fetch, FormData, TextDecoderStream, URLSearchParams */
// With JavaScript on, the verify form streams its progress (NDJSON) and then opens the same result page the form redirects to.
const form = document.querySelector('[data-verify-form]');
const status = document.querySelector('[data-verify-progress]');

form?.addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = form.querySelector('button');
  if (button) button.disabled = true;
  status.textContent = 'Verifying: 0 events checked';
  try {
    const response = await fetch(form.action, {
      method: 'POST',
      headers: { Accept: 'application/x-ndjson', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(new FormData(form)),
      credentials: 'same-origin',
    });
    if (!response.ok || !response.body) throw new Error(`status ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffered += value;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (!line) continue;
        const message = JSON.parse(line);
        if (message.done) return window.location.assign(message.location);
        if (message.error) throw new Error(message.error);
        status.textContent = `Verifying: ${message.checkedEvents} events checked`;
      }
    }
    throw new Error('the answer ended early');
  } catch {
    // Fall back to the plain form: the server runs it and redirects to the result.
    form.submit();
  }
});

// PolicyMiner review: selection, keyboard and review actions for the document and queue pages.
// Loaded as a file (the Content-Security-Policy allows no inline script); all document data is inserted with
// textContent, never as HTML.
'use strict';

(() => {
  const $ = (selector, root = document) => root.querySelector(selector);
  const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));
  const csrf = $('meta[name="csrf-token"]').content;
  const page = document.body.dataset.page;
  const editor = $('#editor');
  editor.value = localStorage.getItem('pm-user') || $('meta[name="pm-user"]').content || '';
  editor.addEventListener('change', () => localStorage.setItem('pm-user', editor.value.trim()));

  const FIELDS = ['indicator', 'indicator_id', 'category', 'value', 'value_max', 'unit', 'comparator', 'kind', 'commitment', 'year', 'baseline', 'responsible'];
  const CHOICES = {
    comparator: ['>=', '>', '<=', '<', '=', 'range', '~'],
    kind: ['level', 'growth', 'share', 'count', 'amount', 'increase', 'requirement'],
    commitment: ['plain', 'firm', 'aspirational'],
  };
  const STATE_ORDER = ['unreviewed', 'accepted', 'corrected', 'rejected'];

  const list = $('#card-list');
  const text = $('#text');
  const documentId = text ? text.dataset.document : null;
  let targets = [];
  let selected = -1;

  // ------------------------------------------------------------------ helpers

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else if (key.startsWith('data-')) node.setAttribute(key, value);
      else node[key] = value;
    }
    for (const child of children) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }

  let toastTimer = 0;
  function toast(message, kind = 'ok') {
    const box = $('#toast');
    box.textContent = message;
    box.className = 'toast-' + kind;
    box.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { box.hidden = true; }, kind === 'error' ? 8000 : 2500);
  }

  async function send(method, url, body) {
    const init = { method, credentials: 'same-origin', headers: {} };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.headers['X-CSRF-TOKEN'] = csrf;
      init.body = JSON.stringify({ ...body, user: editor.value.trim() || null });
    }
    const response = await fetch(url, init);
    let data = null;
    try { data = await response.json(); } catch { data = null; }
    return { status: response.status, data };
  }

  const byStart = (a, b) => a.start - b.start || a.end - b.end;
  const current = () => targets[selected] || null;

  // ------------------------------------------------------------------ rendering

  function fieldList(target) {
    const dl = el('dl', { class: 'fields' });
    for (const field of FIELDS) {
      const pinned = target.reviewed_fields.includes(field) && target.state === 'corrected';
      dl.append(el('dt', { text: field }), el('dd', { class: pinned ? 'pinned' : '', text: target.fields[field] || '—', 'data-field': field }));
    }
    return dl;
  }

  function renderCard(target) {
    const head = el('header', {},
      el('span', { class: 'state', text: target.state === 'unreviewed' ? 'pending' : target.state }),
      el('span', { class: 'conf', text: 'confidence ' + target.confidence.toFixed(2) }),
      el('span', { class: 'ver', text: 'v' + target.version }),
      target.reviewer ? el('span', { class: 'who', text: 'by ' + target.reviewer }) : null,
      target.added_by_editor ? el('span', { class: 'tag', text: 'added' }) : null,
      target.stale ? el('span', { class: 'tag', text: 'stale' }) : null,
      page === 'queue' ? el('a', { class: 'doc', href: '/documents/' + encodeURIComponent(target.document_id) + '#t=' + target.id, text: target.doc }) : null);
    const actions = el('div', { class: 'actions' },
      el('button', { type: 'button', 'data-act': 'accept', text: 'Accept (a)' }),
      el('button', { type: 'button', 'data-act': 'reject', text: 'Reject (r)' }),
      el('button', { type: 'button', 'data-act': 'edit', text: 'Edit (e)' }),
      page === 'document' ? el('button', { type: 'button', 'data-act': 'split', text: 'Split (s)' }) : null,
      page === 'document' ? el('button', { type: 'button', 'data-act': 'merge', text: 'Merge duplicate…' }) : null,
      el('button', { type: 'button', 'data-act': 'history', text: 'History (h)' }));
    const card = el('article', { class: 'card st-' + target.state, id: 'card-' + target.id, 'data-id': target.id, tabIndex: -1 },
      head,
      el('blockquote', { class: 'quote', lang: 'zh-CN', text: target.quote }),
      fieldList(target),
      actions,
      el('div', { class: 'conflict', role: 'alert', hidden: true }),
      el('div', { class: 'extra', hidden: true }));
    return card;
  }

  function renderAll() {
    list.replaceChildren(...targets.map(renderCard));
    if (targets.length === 0) {
      list.append(el('p', { class: 'empty', text: page === 'queue' ? 'Nothing left to review.' : 'No targets in this document.' }));
    }
  }

  function cardOf(id) { return document.getElementById('card-' + id); }

  function refreshMarks() {
    if (!text) return;
    const states = new Map(targets.map(t => [t.id, t.state]));
    for (const mark of $$('mark[data-t]', text)) {
      const covering = mark.dataset.t.split(' ').map(id => states.get(id)).filter(Boolean);
      const state = STATE_ORDER.find(s => covering.includes(s)) || 'unreviewed';
      mark.className = 'st-' + state + (mark.classList.contains('selected') ? ' selected' : '');
    }
    const counts = $('#doc-counts');
    if (counts) {
      const n = s => targets.filter(t => t.state === s).length;
      counts.textContent = `${n('unreviewed')} pending, ${n('accepted')} accepted, ${n('corrected')} corrected, ${n('rejected')} rejected`;
    }
  }

  function replaceTarget(target, keepConflict = false) {
    const index = targets.findIndex(t => t.id === target.id);
    const conflict = keepConflict && index >= 0 ? $('.conflict', cardOf(target.id)) : null;
    if (index >= 0) {
      targets[index] = target;
      const card = renderCard(target);
      if (conflict) card.replaceChild(conflict, $('.conflict', card));
      cardOf(target.id).replaceWith(card);
    } else {
      targets.push(target);
      targets.sort(byStart);
      renderAll();
    }
    refreshMarks();
    select(targets.findIndex(t => t.id === target.id), false);
  }

  function select(index, scroll = true) {
    if (targets.length === 0) { selected = -1; return; }
    selected = Math.max(0, Math.min(index, targets.length - 1));
    const id = targets[selected].id;
    for (const node of $$('.card.selected, mark.selected')) node.classList.remove('selected');
    const card = cardOf(id);
    if (card) {
      card.classList.add('selected');
      if (scroll) card.scrollIntoView({ block: 'nearest' });
    }
    if (text) {
      const marks = $$('mark[data-t]', text).filter(m => m.dataset.t.split(' ').includes(id));
      marks.forEach(m => m.classList.add('selected'));
      if (scroll && marks.length > 0) marks[0].scrollIntoView({ block: 'center' });
    }
    if (page === 'document') history.replaceState(null, '', '#t=' + id);
  }

  // ------------------------------------------------------------------ actions

  function afterVerdict(result, target) {
    if (result.status !== 200) return handleFailure(result, target);
    const saved = result.data.targets[0];
    toast(`${saved.state === 'rejected' ? 'Rejected' : saved.state === 'corrected' ? 'Corrected' : 'Accepted'} (v${saved.version})`);
    if (page === 'queue') {
      // A reviewed target leaves the queue; the next one moves up under the cursor.
      const index = targets.findIndex(t => t.id === saved.id);
      targets.splice(index, 1);
      cardOf(saved.id).remove();
      if (targets.length === 0) renderAll();
      select(index);
      return;
    }
    replaceTarget(saved);
    select(selected + 1);
  }

  function handleFailure(result, target) {
    const message = (result.data && result.data.message) || `request failed (${result.status})`;
    if (result.status === 409 && result.data.current) {
      replaceTarget(result.data.current, false);
      const box = $('.conflict', cardOf(target.id));
      box.replaceChildren(
        el('strong', { text: 'Conflict: ' }),
        el('span', { text: message }),
        el('ul', {}, ...(result.data.other_edits || []).map(e =>
          el('li', { text: `${e.user} · ${e.field}: ${e.before ?? '∅'} → ${e.after ?? '∅'}` }))),
        el('p', { text: 'The card now shows their version; apply your change again if it still holds.' }));
      box.hidden = false;
    }
    toast(message, 'error');
    return null;
  }

  async function accept(target) {
    afterVerdict(await send('POST', `/api/targets/${target.id}/accept`, { version: target.version }), target);
  }

  async function reject(target) {
    afterVerdict(await send('POST', `/api/targets/${target.id}/reject`, { version: target.version }), target);
  }

  function fieldInput(field, value) {
    if (CHOICES[field]) {
      const select = el('select', { name: field });
      for (const choice of CHOICES[field]) select.append(el('option', { value: choice, text: choice, selected: choice === value }));
      return select;
    }
    return el('input', { name: field, value: value || '', autocomplete: 'off' });
  }

  function fieldForm(fields, onSave, onCancel, label) {
    const form = el('form', { class: 'edit' });
    for (const field of FIELDS) {
      form.append(el('label', {}, el('span', { text: field }), fieldInput(field, fields[field])));
    }
    form.append(el('div', { class: 'actions' },
      el('button', { type: 'submit', text: label + ' (Enter)' }),
      el('button', { type: 'button', class: 'cancel', text: 'Cancel (Esc)' })));
    form.addEventListener('submit', event => { event.preventDefault(); onSave(Object.fromEntries(new FormData(form))); });
    $('.cancel', form).addEventListener('click', onCancel);
    form.addEventListener('keydown', event => {
      if (event.key === 'Escape') { event.preventDefault(); onCancel(); }
    });
    return form;
  }

  function edit(target) {
    const card = cardOf(target.id);
    if ($('form.edit', card)) return;
    const dl = $('dl.fields', card);
    const form = fieldForm(target.fields, async values => {
      const changed = {};
      for (const field of FIELDS) {
        if ((values[field] ?? '') !== (target.fields[field] ?? '')) changed[field] = values[field];
      }
      if (Object.keys(changed).length === 0) { replaceTarget(target); return; }
      const result = await send('POST', `/api/targets/${target.id}/correct`, { version: target.version, fields: changed });
      if (result.status !== 200) { handleFailure(result, target); return; }
      replaceTarget(result.data.targets[0]);
      toast(`Corrected ${Object.keys(changed).join(', ')} (v${result.data.targets[0].version})`);
      cardOf(target.id).focus();
    }, () => { replaceTarget(target); cardOf(target.id).focus(); }, 'Save');
    dl.replaceWith(form);
    const first = $('input, select', form);
    first.focus();
    if (first.select) first.select();
  }

  // Offsets in the document text of a DOM position: every piece of text sits in an element carrying its start (data-s).
  function offsetOf(node, offset) {
    if (node.nodeType === Node.TEXT_NODE) {
      const piece = node.parentElement.closest('[data-s]');
      return piece && text.contains(piece) ? Number(piece.dataset.s) + offset : null;
    }
    if (node === text) {
      const child = text.childNodes[offset];
      if (child && child.dataset) return Number(child.dataset.s);
      const last = text.lastElementChild;
      return last ? Number(last.dataset.s) + last.textContent.length : 0;
    }
    const piece = node.closest ? node.closest('[data-s]') : null;
    if (!piece || !text.contains(piece)) return null;
    return Number(piece.dataset.s) + (offset > 0 ? piece.textContent.length : 0);
  }

  function selectionSpan() {
    const selection = window.getSelection();
    if (!text || !selection || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return null;
    const start = offsetOf(range.startContainer, range.startOffset);
    const end = offsetOf(range.endContainer, range.endOffset);
    return start === null || end === null ? null : { start, end, collapsed: range.collapsed };
  }

  async function addFromSelection() {
    const span = selectionSpan();
    if (!span || span.collapsed || span.end <= span.start) {
      toast('Select the words of the missed target in the text first, then press n.', 'error');
      return;
    }
    const parsed = await send('GET', `/api/documents/${encodeURIComponent(documentId)}/parse?start=${span.start}&end=${span.end}`);
    if (parsed.status !== 200) { handleFailure(parsed, {}); return; }
    const box = el('article', { class: 'card adding', id: 'card-new' },
      el('header', {}, el('span', { class: 'state', text: 'new target' })),
      el('blockquote', { class: 'quote', lang: 'zh-CN', text: parsed.data.quote }));
    const close = () => box.remove();
    box.append(fieldForm(parsed.data.fields, async values => {
      const fields = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
      const result = await send('POST', `/api/documents/${encodeURIComponent(documentId)}/targets`, { start: span.start, end: span.end, fields });
      if (result.status !== 200) { handleFailure(result, {}); return; }
      // The highlight comes from the server's rendering of the text: reload on the new target.
      location.hash = '#t=' + result.data.targets[0].id;
      location.reload();
    }, close, 'Add target'));
    $('#card-new')?.remove();
    list.prepend(box);
    const first = $('input[name="value"]', box);
    first.focus();
    first.select();
  }

  async function split(target) {
    const span = selectionSpan();
    const at = span ? span.start : null;
    if (at === null || at <= target.start || at >= target.end) {
      toast('Put the caret inside this target\'s highlight in the text where it should be split, then press s.', 'error');
      return;
    }
    const result = await send('POST', `/api/targets/${target.id}/split`, { version: target.version, at });
    if (result.status !== 200) { handleFailure(result, target); return; }
    location.hash = '#t=' + target.id;
    location.reload();
  }

  function merge(target) {
    const card = cardOf(target.id);
    const others = targets.filter(t => t.id !== target.id && t.state !== 'rejected');
    if (others.length === 0) { toast('No other target to merge.', 'error'); return; }
    const choice = el('select', { name: 'duplicate' });
    for (const other of others) {
      choice.append(el('option', { value: other.id, text: `${other.quote.slice(0, 30)} · ${other.fields.value}${other.fields.unit}` }));
    }
    const box = $('.extra', card);
    const form = el('form', { class: 'merge' }, el('label', { text: 'Duplicate of this target: ' }, choice),
      el('button', { type: 'submit', text: 'Merge (keeps this one, rejects the duplicate)' }));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const duplicate = targets.find(t => t.id === choice.value);
      const result = await send('POST', `/api/targets/${target.id}/merge`, { version: target.version, duplicate_id: duplicate.id, duplicate_version: duplicate.version });
      if (result.status !== 200) { handleFailure(result, target); return; }
      const fresh = await send('GET', `/api/documents/${encodeURIComponent(documentId)}/targets`);
      targets = fresh.data;
      renderAll();
      refreshMarks();
      select(targets.findIndex(t => t.id === target.id));
      toast('Merged');
    });
    box.replaceChildren(form);
    box.hidden = false;
    choice.focus();
  }

  async function showHistory(target) {
    const box = $('.extra', cardOf(target.id));
    if (!box.hidden && box.dataset.kind === 'history') { box.hidden = true; return; }
    const result = await send('GET', `/api/targets/${target.id}/audit`);
    const entries = result.data || [];
    box.dataset.kind = 'history';
    box.replaceChildren(entries.length === 0
      ? el('p', { text: 'No changes yet.' })
      : el('ol', { class: 'history' }, ...entries.map(e => el('li', {
        text: `${e.at.replace('T', ' ').slice(0, 19)} · v${e.version} · ${e.user} · ${e.action} ${e.field}: ${e.before ?? '∅'} → ${e.after ?? '∅'}`,
      }))));
    box.hidden = false;
  }

  const ACTIONS = { accept, reject, edit, split, merge, history: showHistory };

  // ------------------------------------------------------------------ events

  list.addEventListener('click', event => {
    const card = event.target.closest('.card[data-id]');
    if (!card) return;
    const index = targets.findIndex(t => t.id === card.dataset.id);
    if (index !== selected) select(index, false);
    const button = event.target.closest('button[data-act]');
    if (button) ACTIONS[button.dataset.act](targets[index]);
  });

  if (text) {
    text.addEventListener('click', event => {
      const mark = event.target.closest('mark[data-t]');
      const selection = window.getSelection();
      if (!mark || (selection && !selection.isCollapsed)) return;
      const ids = mark.dataset.t.split(' ');
      const now = current();
      // Clicking a piece covered by several targets cycles through them.
      const next = now && ids.includes(now.id) ? ids[(ids.indexOf(now.id) + 1) % ids.length] : ids[0];
      const index = targets.findIndex(t => t.id === next);
      if (index >= 0) {
        select(index, false);
        cardOf(next).scrollIntoView({ block: 'nearest' });
      }
    });
  }

  $('#add-selection')?.addEventListener('click', addFromSelection);
  $('#more')?.addEventListener('click', async () => {
    const more = await send('GET', `/api/queue?skip=${targets.length}&take=50`);
    const known = new Set(targets.map(t => t.id));
    targets.push(...more.data.filter(t => !known.has(t.id)));
    renderAll();
    select(selected, false);
  });

  document.addEventListener('keydown', event => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest('input, select, textarea, form')) return;
    const target = current();
    const keys = {
      j: () => select(selected + 1), ArrowDown: () => select(selected + 1),
      k: () => select(selected - 1), ArrowUp: () => select(selected - 1),
      a: () => target && accept(target), r: () => target && reject(target), e: () => target && edit(target),
      s: () => target && page === 'document' && split(target), h: () => target && showHistory(target),
      n: () => page === 'document' && addFromSelection(),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });

  async function load() {
    const url = page === 'queue' ? '/api/queue?skip=0&take=50' : `/api/documents/${encodeURIComponent(documentId)}/targets`;
    const result = await send('GET', url);
    targets = result.status === 200 ? result.data : [];
    renderAll();
    refreshMarks();
    const wanted = /^#t=([0-9a-f]{24})$/.exec(location.hash);
    const index = wanted ? targets.findIndex(t => t.id === wanted[1]) : targets.findIndex(t => t.state === 'unreviewed');
    select(index >= 0 ? index : 0);
    document.body.dataset.ready = 'true';
  }

  if (page === 'document' || page === 'queue') load();
})();

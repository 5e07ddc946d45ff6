/*
 * Tandem form embed. On any website:
 *   <div data-tandem-form="FORM_ID"></div>
 *   <script src="https://YOUR-TANDEM/forms/embed.js" async></script>
 * Renders each form into its element, submits it as JSON to Tandem (CORS), shows field errors inline
 * and then the thank-you message (or goes to the form's redirect URL). The visitor's tracking id
 * (from the Tandem snippet) and the page's URL, referrer and UTMs travel with the submission, so the
 * contact's earlier visits and the campaign that brought them are kept.
 * Built with DOM APIs only (no innerHTML): nothing from the form or the server is parsed as markup.
 */
(function () {
  'use strict';
  if (window.TandemForms) return window.TandemForms.scan();

  var script = document.currentScript || lastEmbedScript();
  var base = new URL(script ? script.src : '/forms/embed.js', location.href).origin;
  var counter = 0;

  function lastEmbedScript() {
    var all = document.querySelectorAll('script[src*="/forms/embed.js"]');
    return all[all.length - 1];
  }

  var STYLES =
    ':where(.tdm-form){font:inherit;color:inherit;max-width:560px}' +
    ':where(.tdm-field){margin:0 0 16px;border:0;padding:0;min-width:0}' +
    ':where(.tdm-label){display:block;font-weight:600;font-size:.9em;margin:0 0 6px;padding:0}' +
    ':where(.tdm-req){color:#d6336c;margin-left:3px}' +
    ':where(.tdm-help){font-size:.85em;opacity:.75;margin:-2px 0 6px}' +
    ':where(.tdm-input){display:block;width:100%;box-sizing:border-box;font:inherit;color:inherit;background:#fff;padding:9px 11px;border:1px solid #cfd5e1;border-radius:8px}' +
    ':where(.tdm-input:focus){outline:none;border-color:#4059d8;box-shadow:0 0 0 3px rgba(64,89,216,.18)}' +
    ':where(.tdm-invalid .tdm-input){border-color:#e03131}' +
    ':where(.tdm-error){color:#c92a2a;font-size:.85em;margin:6px 0 0}' +
    ':where(.tdm-check){display:flex;gap:8px;align-items:flex-start;margin:0 0 4px;font-weight:400}' +
    ':where(.tdm-check input){margin-top:.25em;accent-color:#4059d8}' +
    ':where(.tdm-hp){position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}' +
    ':where(.tdm-submit){font:inherit;font-weight:600;color:#fff;background:#4059d8;border:0;border-radius:8px;padding:11px 20px;cursor:pointer}' +
    ':where(.tdm-submit[disabled]){opacity:.7;cursor:progress}' +
    ':where(.tdm-alert){border:1px solid #ffc9c9;background:#fff5f5;color:#b42318;border-radius:8px;padding:10px 14px;margin:0 0 16px}' +
    ':where(.tdm-success){border:1px solid #c3fae8;background:#f3fffb;border-radius:10px;padding:16px 18px}' +
    ':where(.tdm-success p){margin:0 0 6px}';

  function injectStyles() {
    if (document.getElementById('tandem-form-styles')) return;
    var style = document.createElement('style');
    style.id = 'tandem-form-styles';
    style.textContent = STYLES;
    (document.head || document.documentElement).appendChild(style);
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    for (var k in attrs || {}) {
      var v = attrs[k];
      if (v === undefined || v === null || v === false) continue;
      if (k === 'text') node.textContent = v;
      else if (k === 'className') node.className = v;
      else if (v === true) node.setAttribute(k, '');
      else node.setAttribute(k, String(v));
    }
    (children || []).forEach(function (c) {
      if (c) node.appendChild(c);
    });
    return node;
  }

  function readCookie(name) {
    try {
      var m = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
      return m ? decodeURIComponent(m[1]) : null;
    } catch (e) {
      return null;
    }
  }

  function readStorage(store, key) {
    try {
      return window[store].getItem(key);
    } catch (e) {
      return null;
    }
  }

  /** The tracking snippet's visitor id: its API if it offers one, else where it stores the id. */
  function anonymousId() {
    try {
      var t = window.tandem;
      if (t && typeof t.anonymousId === 'function') return t.anonymousId() || null;
      if (t && typeof t.anonymousId === 'string') return t.anonymousId;
    } catch (e) {}
    return readCookie('tandem_aid') || readStorage('localStorage', 'tandem_aid') || readStorage('sessionStorage', 'tandem_aid') || null;
  }

  function utm() {
    var out = {};
    var params = new URLSearchParams(location.search);
    ['source', 'medium', 'campaign', 'content', 'term'].forEach(function (k) {
      var v = params.get('utm_' + k);
      if (v) out[k] = v.slice(0, 500);
    });
    return out;
  }

  function renderField(f, uid) {
    var id = uid + '-' + f.property.replace(/[^a-zA-Z0-9_-]/g, '-');
    var errorId = id + '-error';
    var helpId = id + '-help';
    var star = f.required ? el('span', { className: 'tdm-req', 'aria-hidden': 'true', text: '*' }) : null;
    var help = f.helpText ? el('p', { className: 'tdm-help', id: helpId, text: f.helpText }) : null;
    var error = el('p', { className: 'tdm-error', id: errorId, hidden: true });
    var described = f.helpText ? helpId : null;
    var wrapper;

    if (f.type === 'checkbox') {
      var box = el('input', { type: 'checkbox', id: id, name: f.property, value: 'true', 'aria-describedby': described });
      var label = el('label', { className: 'tdm-check', for: id }, [box, el('span', { text: f.label }), star]);
      wrapper = el('div', { className: 'tdm-field' }, [label, help, error]);
    } else if (f.type === 'radio' || f.type === 'checkboxes') {
      var kind = f.type === 'radio' ? 'radio' : 'checkbox';
      var options = (f.options || []).map(function (o, i) {
        var input = el('input', { type: kind, id: id + '-' + i, name: f.property, value: o.value });
        return el('label', { className: 'tdm-check', for: id + '-' + i }, [input, el('span', { text: o.label })]);
      });
      var legend = el('legend', { className: 'tdm-label' }, [document.createTextNode(f.label), star]);
      wrapper = el('fieldset', { className: 'tdm-field', 'aria-describedby': described }, [legend, help].concat(options).concat([error]));
    } else {
      var control;
      if (f.type === 'textarea') {
        control = el('textarea', { className: 'tdm-input', id: id, name: f.property, rows: 4, placeholder: f.placeholder });
      } else if (f.type === 'select') {
        control = el(
          'select',
          { className: 'tdm-input', id: id, name: f.property },
          [el('option', { value: '', text: f.placeholder || 'Choose…' })].concat(
            (f.options || []).map(function (o) {
              return el('option', { value: o.value, text: o.label });
            }),
          ),
        );
      } else {
        control = el('input', { className: 'tdm-input', type: f.type, id: id, name: f.property, placeholder: f.placeholder });
      }
      if (described) control.setAttribute('aria-describedby', described);
      if (f.required) control.setAttribute('aria-required', 'true');
      var lbl = el('label', { className: 'tdm-label', for: id }, [document.createTextNode(f.label), star]);
      wrapper = el('div', { className: 'tdm-field' }, [lbl, help, control, error]);
    }
    wrapper.setAttribute('data-field', f.property);
    return wrapper;
  }

  function isChecked(input) {
    return input.checked;
  }

  function collect(form, def) {
    var fields = {};
    def.fields.forEach(function (f) {
      var inputs = form.querySelectorAll('[name="' + f.property + '"]');
      if (f.type === 'checkboxes') {
        fields[f.property] = [].filter.call(inputs, isChecked).map(function (i) {
          return i.value;
        });
      } else if (f.type === 'radio' || f.type === 'checkbox') {
        var checked = [].filter.call(inputs, isChecked)[0];
        if (checked) fields[f.property] = checked.value;
      } else if (inputs[0]) {
        fields[f.property] = inputs[0].value;
      }
    });
    return fields;
  }

  function showErrors(form, def, problem) {
    var labels = {};
    def.fields.forEach(function (f) {
      labels['fields.' + f.property] = { property: f.property, label: f.label };
    });
    var general = [];
    var firstInvalid = null;
    (problem.errors || []).forEach(function (e) {
      var target = e.path === 'consent' ? { property: 'consent', label: 'Consent' } : labels[e.path];
      var wrapper = target && form.querySelector('[data-field="' + cssEscape(target.property) + '"]');
      if (!wrapper) return general.push(e.path + ' ' + e.message);
      var error = wrapper.querySelector('.tdm-error');
      error.textContent = target.property === 'consent' ? 'Please tick this box to continue.' : target.label + ' ' + e.message;
      error.hidden = false;
      wrapper.classList.add('tdm-invalid');
      var input = wrapper.querySelector('input,select,textarea');
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        var ids = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
        if (ids.indexOf(error.id) < 0) ids.push(error.id);
        input.setAttribute('aria-describedby', ids.join(' '));
        firstInvalid = firstInvalid || input;
      }
    });
    if (general.length || !firstInvalid) showAlert(form, general.length ? general.join('. ') : problem.detail || 'Please check the form and try again.');
    if (firstInvalid) firstInvalid.focus();
  }

  function cssEscape(s) {
    return window.CSS && window.CSS.escape ? window.CSS.escape(s) : s.replace(/["\\]/g, '\\$&');
  }

  function clearErrors(form) {
    form.querySelectorAll('.tdm-invalid').forEach(function (w) {
      w.classList.remove('tdm-invalid');
    });
    form.querySelectorAll('.tdm-error').forEach(function (e) {
      e.hidden = true;
      e.textContent = '';
    });
    form.querySelectorAll('[aria-invalid]').forEach(function (i) {
      i.removeAttribute('aria-invalid');
    });
    var alert = form.querySelector('.tdm-alert');
    if (alert) alert.hidden = true;
  }

  function showAlert(form, message) {
    var alert = form.querySelector('.tdm-alert');
    alert.textContent = message;
    alert.hidden = false;
  }

  function showSuccess(container, form, def, result) {
    if (result.redirectUrl) {
      location.href = result.redirectUrl;
      return;
    }
    var done = el('div', { className: 'tdm-success', role: 'status', tabindex: '-1' }, [
      el('p', { text: result.thankYouMessage || 'Thank you! Your response was received.' }),
      result.confirmationRequired ? el('p', { text: 'We have sent you an email: open the link in it to confirm your address.' }) : null,
    ]);
    container.replaceChild(done, form);
    done.focus();
    container.dispatchEvent(new CustomEvent('tandem:form-submitted', { bubbles: true, detail: { formId: def.id, submissionId: result.id } }));
  }

  function build(container, def) {
    var uid = 'tdm' + ++counter;
    var alert = el('div', { className: 'tdm-alert', role: 'alert', hidden: true });
    var children = [alert].concat(
      def.fields.map(function (f) {
        return renderField(f, uid);
      }),
    );
    if (def.consent) {
      var consentId = uid + '-consent';
      var box = el('input', { type: 'checkbox', id: consentId, name: 'consent', value: 'true' });
      var label = el('label', { className: 'tdm-check', for: consentId }, [
        box,
        el('span', { text: def.consent.text }),
        def.consent.required ? el('span', { className: 'tdm-req', 'aria-hidden': 'true', text: '*' }) : null,
      ]);
      var consentError = el('p', { className: 'tdm-error', id: consentId + '-error', hidden: true });
      var consent = el('div', { className: 'tdm-field tdm-consent', 'data-field': 'consent' }, [label, consentError]);
      children.push(consent);
    }
    children.push(
      el('div', { className: 'tdm-hp', 'aria-hidden': 'true' }, [
        el('label', { for: uid + '-hp', text: 'Leave this field empty' }),
        el('input', { type: 'text', id: uid + '-hp', name: 'honeypot', tabindex: '-1', autocomplete: 'off' }),
      ]),
    );
    var button = el('button', { type: 'submit', className: 'tdm-submit', text: def.submitLabel });
    children.push(button);
    var form = el('form', { className: 'tdm-form', novalidate: true, 'aria-label': def.name }, children);

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearErrors(form);
      button.disabled = true;
      button.textContent = 'Sending…';
      var consentBox = form.querySelector('[name="consent"]');
      var body = {
        fields: collect(form, def),
        honeypot: form.querySelector('[name="honeypot"]').value,
        anonymousId: anonymousId(),
        pageUrl: location.href.slice(0, 2000),
        referrer: document.referrer ? document.referrer.slice(0, 2000) : null,
        utm: utm(),
      };
      if (consentBox) body.consent = consentBox.checked;
      fetch(base + '/api/v1/forms/' + encodeURIComponent(def.id) + '/submissions', {
        method: 'POST',
        mode: 'cors',
        credentials: 'omit',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
        .then(function (res) {
          return res
            .json()
            .catch(function () {
              return {};
            })
            .then(function (data) {
              if (res.ok) return showSuccess(container, form, def, data);
              if (res.status === 400) return showErrors(form, def, data);
              showAlert(form, data.detail || 'Something went wrong. Please try again.');
            });
        })
        .catch(function () {
          showAlert(form, 'Could not send the form. Check your connection and try again.');
        })
        .then(function () {
          button.disabled = false;
          button.textContent = def.submitLabel;
        });
    });
    container.replaceChildren(form);
  }

  function render(container) {
    var id = container.getAttribute('data-tandem-form');
    if (!id || container.getAttribute('data-tandem-rendered')) return;
    container.setAttribute('data-tandem-rendered', 'loading');
    injectStyles();
    container.replaceChildren(el('p', { className: 'tdm-loading', text: 'Loading form…' }));
    fetch(base + '/api/v1/forms/' + encodeURIComponent(id) + '/public', { mode: 'cors', credentials: 'omit' })
      .then(function (res) {
        if (!res.ok) throw new Error('form ' + res.status);
        return res.json();
      })
      .then(function (def) {
        build(container, def);
        container.setAttribute('data-tandem-rendered', 'ready');
      })
      .catch(function () {
        container.replaceChildren(el('p', { className: 'tdm-alert', role: 'alert', text: 'This form could not be loaded.' }));
        container.setAttribute('data-tandem-rendered', 'failed');
      });
  }

  function scan() {
    document.querySelectorAll('[data-tandem-form]').forEach(render);
  }

  window.TandemForms = { scan: scan, render: render };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();

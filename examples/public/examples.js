// The gallery's own browser behaviour (served from examples/public, loaded with the CSP nonce
// after htmx and hxkit.js). No inline code anywhere: every behaviour is an event listener on the
// document, keyed on data- attributes, so swapped-in markup needs no set-up. Each part names the
// example that uses it; they are candidates for the kit's client script.
;(function () {
  'use strict'

  /**
   * What the gallery uses of htmx 4's request context (the `ctx` of its event details).
   * @typedef {(url: string, init: RequestInit & { headers?: Record<string, string> }) => Promise<Response>} FetchLike
   * @typedef {{ sourceElement?: Element, fetch?: FetchLike, confirm?: string }} RequestCtx
   * @typedef {{ ctx?: RequestCtx, issueRequest?: () => void, dropRequest?: () => void }} HtmxDetail
   * @typedef {{ trigger(elt: Element, name: string): unknown, process(root: Node): unknown }} HtmxApi
   */

  /** @returns {HtmxApi | undefined} */
  function htmxApi() {
    return /** @type {{ htmx?: HtmxApi }} */ (/** @type {unknown} */ (window)).htmx
  }

  /**
   * @param {Event} event
   * @returns {HtmxDetail | null}
   */
  function detailOf(event) {
    var detail = event instanceof CustomEvent ? /** @type {unknown} */ (event.detail) : null
    return detail !== null && typeof detail === 'object' ? /** @type {HtmxDetail} */ (detail) : null
  }

  // ---- Select all (bulk update): <input type=checkbox data-select-all="<name>" hidden>
  // checks or clears every checkbox named <name> in its form, and shows mixed when some are.

  /** @param {HTMLInputElement} all */
  function boxesOf(all) {
    var scope = all.form ?? document
    var name = all.dataset['selectAll'] ?? ''
    return Array.from(scope.querySelectorAll('input[type="checkbox"]')).filter(function (box) {
      return box instanceof HTMLInputElement && box.name === name
    })
  }

  /** @param {HTMLInputElement} all */
  function syncSelectAll(all) {
    var boxes = boxesOf(all)
    var checked = boxes.filter(function (box) {
      return /** @type {HTMLInputElement} */ (box).checked
    }).length
    all.checked = boxes.length > 0 && checked === boxes.length
    all.indeterminate = checked > 0 && checked < boxes.length
  }

  function setUpSelectAll() {
    document.querySelectorAll('input[data-select-all]').forEach(function (all) {
      if (all instanceof HTMLInputElement) {
        all.hidden = false
        syncSelectAll(all)
      }
    })
  }

  document.addEventListener('change', function (event) {
    var input = event.target
    if (!(input instanceof HTMLInputElement) || input.type !== 'checkbox') {
      return
    }
    if (input.dataset['selectAll'] !== undefined) {
      var state = input.checked
      boxesOf(input).forEach(function (box) {
        ;/** @type {HTMLInputElement} */ (box).checked = state
      })
      return
    }
    document.querySelectorAll('input[data-select-all]').forEach(function (all) {
      if (all instanceof HTMLInputElement && all.dataset['selectAll'] === input.name) {
        syncSelectAll(all)
      }
    })
  })

  // ---- Tabs (tabs-javascript): hxkit.js gives every tab list its keys (arrows, Home, End,
  // Space). In a data-tabs="client" list the browser owns the selection: activating a tab
  // moves aria-selected and the roving tabindex to it at once; the server sends only the panel.

  /**
   * @param {Element} list
   * @param {Element} tab
   */
  function selectTab(list, tab) {
    list.querySelectorAll('[role="tab"]').forEach(function (other) {
      other.setAttribute('tabindex', other === tab ? '0' : '-1')
      other.setAttribute('aria-selected', other === tab ? 'true' : 'false')
    })
  }

  document.addEventListener('click', function (event) {
    var tab = event.target instanceof Element ? event.target.closest('[role="tab"]') : null
    var list = tab?.closest('[role="tablist"][data-tabs="client"]')
    if (tab && list) {
      selectTab(list, tab)
    }
  })

  // ---- Keyboard shortcuts (keyboard-shortcuts): a key combination equal to an element's
  // data-hotkey ("Alt+Shift+D": modifiers in the order Ctrl, Alt, Shift, Meta) clicks it.
  // Keys typed into text fields are left alone.

  /** @param {KeyboardEvent} event */
  function comboOf(event) {
    var key = /^Key[A-Z]$/.test(event.code)
      ? event.code.slice(3)
      : /^Digit[0-9]$/.test(event.code)
        ? event.code.slice(5)
        : event.key
    return (
      (event.ctrlKey ? 'Ctrl+' : '') +
      (event.altKey ? 'Alt+' : '') +
      (event.shiftKey ? 'Shift+' : '') +
      (event.metaKey ? 'Meta+' : '') +
      key
    )
  }

  document.addEventListener('keydown', function (event) {
    var from = event.target
    if (
      from instanceof HTMLElement &&
      (from.isContentEditable || from.matches('input, textarea, select'))
    ) {
      return
    }
    var combo = comboOf(event)
    var match = Array.from(document.querySelectorAll('[data-hotkey]')).find(function (el) {
      return el.getAttribute('data-hotkey') === combo
    })
    if (match instanceof HTMLElement) {
      event.preventDefault()
      match.click()
    }
  })

  // ---- Upload progress (file-upload): htmx 4 sends with fetch, which reports no upload
  // progress. For a form with data-upload-progress="<progress id>", the request is sent with
  // XMLHttpRequest instead (ctx.fetch), which feeds the <progress>; htmx handles the answer.

  /**
   * @param {string} url
   * @param {RequestInit & { headers?: Record<string, string> }} init
   * @param {HTMLProgressElement | null} bar
   * @returns {Promise<Response>}
   */
  function xhrFetch(url, init, bar) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest()
      xhr.open(init.method ?? 'GET', url)
      Object.entries(init.headers ?? {}).forEach(function ([name, value]) {
        xhr.setRequestHeader(name, value)
      })
      xhr.upload.addEventListener('progress', function (event) {
        if (bar && event.lengthComputable && event.total > 0) {
          bar.value = Math.round((event.loaded / event.total) * 100)
        }
      })
      xhr.addEventListener('load', function () {
        if (bar) {
          bar.value = 100
        }
        var headers = new Headers()
        xhr
          .getAllResponseHeaders()
          .trim()
          .split(/[\r\n]+/)
          .forEach(function (line) {
            var at = line.indexOf(':')
            if (at > 0) {
              headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim())
            }
          })
        var empty = xhr.status === 204 || xhr.status === 304
        var response = new Response(empty ? null : xhr.responseText, {
          status: xhr.status,
          headers,
        })
        // hx-csp accepts the fragment's nonce only from a same-origin response.url, which a
        // constructed Response lacks: give it the URL the request ended at.
        Object.defineProperty(response, 'url', { value: xhr.responseURL })
        resolve(response)
      })
      xhr.addEventListener('error', function () {
        reject(new TypeError('The upload failed'))
      })
      xhr.addEventListener('abort', function () {
        reject(new DOMException('The upload was aborted', 'AbortError'))
      })
      init.signal?.addEventListener('abort', function () {
        xhr.abort()
      })
      xhr.send(init.body ?? null)
    })
  }

  /**
   * @param {Event} event
   * @returns {RequestCtx | null}
   */
  function ctxOf(event) {
    return detailOf(event)?.ctx ?? null
  }

  document.addEventListener('htmx:config:request', function (event) {
    var ctx = ctxOf(event)
    var source = ctx?.sourceElement
    var form = source?.closest('form[data-upload-progress]')
    if (ctx && form instanceof HTMLFormElement) {
      var bar = document.getElementById(form.dataset['uploadProgress'] ?? '')
      var progress = bar instanceof HTMLProgressElement ? bar : null
      if (progress) {
        progress.value = 0
      }
      ctx.fetch = function (url, init) {
        return xhrFetch(url, init, progress)
      }
    }
  })

  // ---- Async authentication (async-auth): an element with data-auth-token="<url>" sends its
  // requests only once a token is fetched from <url> (once per page), in X-Auth-Token.

  /** @type {Map<string, Promise<string>>} */
  var tokens = new Map()

  /** @param {string} url */
  function tokenFrom(url) {
    var token = tokens.get(url)
    if (token === undefined) {
      token = fetch(url, { credentials: 'same-origin' }).then(function (res) {
        if (!res.ok) {
          throw new Error('No token: ' + String(res.status))
        }
        return res.text()
      })
      tokens.set(url, token)
    }
    return token
  }

  document.addEventListener('htmx:config:request', function (event) {
    var ctx = ctxOf(event)
    var source = ctx?.sourceElement?.closest('[data-auth-token]')
    if (!ctx || !source) {
      return
    }
    var url = source.getAttribute('data-auth-token') ?? ''
    /** @type {FetchLike} */
    var send = ctx.fetch ?? window.fetch.bind(window)
    ctx.fetch = function (target, init) {
      return tokenFrom(url).then(function (token) {
        init.headers = Object.assign({}, init.headers, { 'X-Auth-Token': token })
        return send(target, init)
      })
    }
  })

  // ---- Sortable (sortable): items of [data-sortable] are dragged with the browser's drag and
  // drop; the list reorders while dragging, and a drop fires "end" on the form around it.

  /** @type {HTMLElement | null} */
  var dragged = null

  document.addEventListener('dragstart', function (event) {
    var item = event.target instanceof Element ? event.target.closest('[data-sortable] > li') : null
    if (item instanceof HTMLElement) {
      dragged = item
      item.classList.add('dragging')
      event.dataTransfer?.setData('text/plain', item.textContent)
    }
  })

  document.addEventListener('dragover', function (event) {
    var over = event.target instanceof Element ? event.target.closest('[data-sortable] > li') : null
    if (
      !dragged ||
      !(over instanceof HTMLElement) ||
      over.parentElement !== dragged.parentElement
    ) {
      return
    }
    event.preventDefault()
    if (over !== dragged) {
      var box = over.getBoundingClientRect()
      var after = event.clientY > box.top + box.height / 2
      over.parentElement?.insertBefore(dragged, after ? over.nextSibling : over)
    }
  })

  document.addEventListener('drop', function (event) {
    if (dragged) {
      event.preventDefault()
    }
  })

  document.addEventListener('dragend', function () {
    var item = dragged
    dragged = null
    if (item) {
      item.classList.remove('dragging')
      var form = item.closest('form')
      if (form) {
        htmxApi()?.trigger(form, 'end')
      }
    }
  })

  // ---- Web components (web-components): <gallery-counter> has a server-rendered (declarative)
  // shadow root; htmx does not look into shadow roots by itself, so the element asks it to.

  if (!window.customElements.get('gallery-counter')) {
    window.customElements.define(
      'gallery-counter',
      class extends HTMLElement {
        connectedCallback() {
          if (this.shadowRoot) {
            htmxApi()?.process(this.shadowRoot)
          }
        }
      }
    )
  }

  function onReady() {
    setUpSelectAll()
  }

  // after every htmx swap (htmx 4: htmx:after:settle), set up what the new markup needs
  document.addEventListener('htmx:after:settle', onReady)
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', onReady)
  } else {
    onReady()
  }
})()

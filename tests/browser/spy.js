// Injected into the host page before any of its scripts (DevTools Page.addScriptToEvaluateOnNewDocument):
// records the target origin of every postMessage the page makes, to its own window or to a frame.
//
// A cross-origin frame's window cannot be patched, so the page gets a Proxy of it instead: both
// from iframe.contentWindow and from MessageEvent.source, the same Proxy for the same window, so
// that `event.source === frame.contentWindow` still tells the softphone from any other window.
(function () {
  "use strict";
  const posts = [];
  Object.defineProperty(window, "__postMessageSpy", { value: posts });
  const proxies = new WeakMap();
  function record(targetOrigin, message, to) {
    const origin = typeof targetOrigin === "string" ? targetOrigin : targetOrigin && targetOrigin.targetOrigin;
    posts.push({ targetOrigin: origin === undefined ? "(default)" : origin, type: message && message.type, to });
  }
  function wrap(target) {
    if (!target || target === window) return target;
    let proxy = proxies.get(target);
    if (!proxy) {
      proxy = new Proxy(target, {
        get(object, property) {
          if (property === "postMessage") {
            return function (message, targetOrigin, transfer) {
              record(targetOrigin, message, "frame");
              return object.postMessage(message, targetOrigin, transfer);
            };
          }
          return Reflect.get(object, property);
        },
      });
      proxies.set(target, proxy);
    }
    return proxy;
  }
  const contentWindow = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, "contentWindow");
  Object.defineProperty(HTMLIFrameElement.prototype, "contentWindow", {
    configurable: true,
    get() { return wrap(contentWindow.get.call(this)); },
  });
  const source = Object.getOwnPropertyDescriptor(MessageEvent.prototype, "source");
  Object.defineProperty(MessageEvent.prototype, "source", {
    configurable: true,
    get() { return wrap(source.get.call(this)); },
  });
  const ownPostMessage = window.postMessage;
  window.postMessage = function (message, targetOrigin, transfer) {
    record(targetOrigin, message, "self");
    return ownPostMessage.call(window, message, targetOrigin, transfer);
  };
})();

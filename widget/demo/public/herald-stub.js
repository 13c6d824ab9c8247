// The Herald embed stub, as README and the admin publish it (`EMBED_STUB` in widget/loader/stub.ts): each
// method queues [name, args] in Herald.q until /widget.js loads and replays them; isEnabled and ready work
// at once. Kept in a file (not inline) so the page needs no 'unsafe-inline'.
// biome-ignore-all lint: the stub is the published snippet, ES5 on purpose, and stays as customers paste it
// biome-ignore format: the published snippet, character for character
!function(w){var h=w.Herald=w.Herald||{q:[]};["identify","track","page","reset","openFeed","on"].forEach(
  function(m){h[m]=h[m]||function(){h.q.push([m,[].slice.call(arguments)])}});h.isEnabled=h.isEnabled||
  function(){return!1};h.ready=h.ready||function(){return new Promise(function(r){h.on("ready",r)})}}(window);

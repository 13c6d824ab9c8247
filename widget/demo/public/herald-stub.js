// The Herald embed stub, as DESIGN's snippet has it: each method queues [name, args] in Herald.q until
// /widget.js loads and replays them. Kept in a file (not inline) so the page needs no 'unsafe-inline'.
!function(w){var h=w.Herald=w.Herald||{q:[]};["identify","track","page","reset","openFeed","on"].forEach(
  function(m){h[m]=h[m]||function(){h.q.push([m,[].slice.call(arguments)])}})}(window);

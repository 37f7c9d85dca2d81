// Starts GraphiQL in #graphiql against the endpoint the page names in data-endpoint. A file of
// its own, and styles set from script, because the page's Content-Security-Policy refuses
// inline scripts and styles.
(function () {
  'use strict';
  var root = document.getElementById('graphiql');
  document.body.style.margin = '0';
  root.style.height = '100vh';
  var fetcher = GraphiQL.createFetcher({ url: root.dataset.endpoint });
  ReactDOM.createRoot(root).render(React.createElement(GraphiQL, { fetcher: fetcher }));
})();

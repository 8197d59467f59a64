// The desk's web UI: Preact components written with htm (no build-time JSX), bundled by build.ts.
import { html, render } from "htm/preact";
import { ArticlePage } from "./article.js";
import { EntityPage } from "./entity.js";
import { StoryList } from "./list.js";
import { useRoute } from "./router.js";
import { StoryPage } from "./story.js";

function App() {
  const route = useRoute();
  let page;
  if (route.page === "list") page = html`<${StoryList} params=${route.params} />`;
  else if (route.page === "story") page = html`<${StoryPage} id=${route.id} key=${route.id} />`;
  else if (route.page === "article") page = html`<${ArticlePage} id=${route.id} sentence=${route.sentence} key=${route.id} />`;
  else if (route.page === "entity") page = html`<${EntityPage} name=${route.name} key=${route.name} />`;
  else page = html`<p>No such page. <a href="/">Back to the stories</a></p>`;
  return html`
    <a class="skip" href="#main">Skip to content</a>
    <header class="top"><a class="brand" href="/">storydesk</a></header>
    <main id="main" tabindex="-1">${page}</main>
  `;
}

render(html`<${App} />`, document.getElementById("app")!);

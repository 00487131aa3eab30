import { html, type Html } from '../html.js';

/** The toggle between the reading view and the translator's brackets, and what each mark means. */
export function renderViewToggle(): Html {
  return html`<input type="checkbox" id="as-written" class="view-toggle">
<label for="as-written" class="view-toggle-label">Show the brackets as the translator wrote them</label>
<details class="legend"><summary>How the editorial marks are shown</summary>
<ul>
<li><span class="ed ed-supplied"><span class="dl">[</span>words<span class="dl">]</span></span> added by the translator</li>
<li><span class="ed ed-gloss"><span class="dl">[</span>gloss<span class="dl">]</span></span> an identification or explanation</li>
<li><span class="ed ed-sic"><span class="dl">[</span>sic<span class="dl">]</span></span> so written in the original</li>
<li><span class="ed ed-gap"><span class="dl">[</span>…<span class="dl">]</span></span> a passage left out</li>
<li><span class="ed ed-unclear"><span class="dl">[[</span>unclear<span class="dl">]]</span></span> an uncertain reading</li>
<li><span class="ed ed-stamp"><span class="dl">[</span>stamp: …<span class="dl">]</span></span> a stamp or handwriting</li>
<li><span class="ed ed-tnote"><span class="dl">[</span>translator's note<span class="dl">]</span></span> a note by the translator</li>
<li><span class="ed ed-editorial"><span class="dl">[</span>remark<span class="dl">]</span></span> another editorial remark</li>
</ul>
</details>`;
}

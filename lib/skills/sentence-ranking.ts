// Extractive summaries: sentences cut verbatim out of the text, ranked by TextRank over TF-IDF
// cosine similarity. Pure functions, bundled into the doc-tldr skill's sandbox script
// (scripts/doc-tldr.ts).

export interface TextSentence {
  text: string;
  /** Offset of the sentence's first character in the source text. */
  start: number;
}

/** Sentences of `text`, each an exact substring, in order. Paragraph breaks always end a sentence. */
export function splitSentences(text: string): TextSentence[] {
  const sentences: TextSentence[] = [];
  const push = (start: number, end: number) => {
    const raw = text.slice(start, end);
    const leading = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed.length > 0) sentences.push({ text: trimmed, start: start + leading });
  };
  // A citation marker after the full stop ("…exceptions.[1] The…") still ends the sentence. A line break
  // before a capital ends one too: captured text puts one between blocks, so a heading ("Task Store") is
  // not glued to the paragraph under it; a hard-wrapped line that goes on in lower case is not split.
  const boundary = /([.!?…]+["'”’)\]]*(?:\[(?:\d+|[a-z]|note \d+|citation needed)\])*)(\s+)(?=["'“‘([]?[A-Z0-9])|\n\s*\n|\n\s*(?=["'“‘([]?[A-Z0-9])/g;
  let start = 0;
  for (let match = boundary.exec(text); match !== null; match = boundary.exec(text)) {
    const end = match.index + (match[1] ?? '').length;
    const before = text.slice(Math.max(start, match.index - 4), match.index + 1);
    // Common abbreviations and initials ("e.g. X", "Dr. Y", "J. Smith") do not end a sentence.
    if (match[1] === '.' && /(^|[\s(])(e\.g|i\.e|etc|vs|Mr|Mrs|Ms|Dr|St|No|Fig|[A-Z])\.$/.test(before)) continue;
    push(start, end);
    start = match.index + match[0].length;
  }
  push(start, text.length);
  return sentences;
}

/** Inline citation markers ("[1]", "[2][3]", "[a]", "[citation needed]"): not part of what a sentence says. */
export function withoutCitationMarkers(sentence: string): string {
  return sentence.replace(/\[(?:\d+|[a-z]|note \d+|citation needed)\]/g, '');
}

// Reference lists, footnotes, captions and navigation split into "sentences" too, and TextRank likes
// them: a cited title repeats the words of the text it supports. Any line of a sentence that looks
// like one of these rules the sentence out.
const REFERENCE_MATTER: RegExp[] = [
  // Wikipedia's back-links ("^ a b …") and numbered notes ("1. ^ …", "[1] Smith, …").
  /^\s*(?:\d+\.\s*)?\^/,
  /^\s*\[\d+\]/,
  /\bRetrieved (?:on )?(?:\d{4}-\d\d-\d\d|\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+ \d{1,2}, \d{4})/,
  /\b(?:Archived from the original|Accessed on|Cited by)\b/i,
  /\bdoi:\s*10\.|\bdoi\.org\/|\bISBN(?:-1[03])?:?\s*[\dX][\dX -]{8,}|\bISSN:?\s*\d|\bPMID:?\s*\d|\barXiv:\s*\d/i,
  // Captions and credits.
  /^\s*(?:Figure|Fig\.|Table|Image|Photo|Photograph|Credit|Source|Caption|Illustration)\s*\d*\s*[:.—–-]/i,
  /^\s*\((?:Photo|Image|Credit)\b/i,
  // Navigation and page furniture.
  /^\s*(?:Jump to|Skip to|Main menu|Share (?:this|on)|Read more|Related (?:posts|articles|stories)|Back to top|Sign (?:in|up)|Log in|Next post|Previous post)\b/i,
];

/** Whether any line of `sentence` is reference-list, caption or navigation matter rather than prose. */
export function isReferenceMatter(sentence: string): boolean {
  return sentence.split('\n').some((line) => REFERENCE_MATTER.some((pattern) => pattern.test(line)));
}

/** Lower-case content words (stop words and one-letter tokens dropped). */
const STOP_WORDS = new Set(
  ('a an and are as at be been but by can could did do does for from had has have he her his how i if in into is it its ' +
    'just may more most no not of on or our she so such than that the their them then there these they this those to ' +
    'too was we were what when where which while who will with would you your also about after all any each other only ' +
    'over some very one two out up use used using')
    .split(' '),
);

export function contentWords(sentence: string): string[] {
  return (sentence.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'_-]*/gu) ?? []).filter((word) => word.length > 1 && !STOP_WORDS.has(word));
}

/** TextRank scores: PageRank over the TF-IDF cosine-similarity graph of the sentences. */
export function textRankScores(sentences: readonly string[]): number[] {
  const count = sentences.length;
  if (count === 0) return [];
  const termCounts = sentences.map((sentence) => {
    const counts = new Map<string, number>();
    for (const word of contentWords(sentence)) counts.set(word, (counts.get(word) ?? 0) + 1);
    return counts;
  });
  const documentFrequency = new Map<string, number>();
  for (const counts of termCounts) for (const word of counts.keys()) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  // Unit-length TF-IDF vectors, kept as postings (word → the sentences holding it): a dot product is then
  // summed only over the words two sentences share, instead of over every pair of sentences. The skill runs
  // in an interpreter under a time limit, and an article has hundreds of sentences.
  const postings = new Map<string, { sentence: number; weight: number }[]>();
  termCounts.forEach((counts, sentence) => {
    const weights: [string, number][] = [];
    let norm = 0;
    for (const [word, frequency] of counts) {
      const weight = frequency * Math.log((1 + count) / (1 + (documentFrequency.get(word) ?? 0)) + 1);
      weights.push([word, weight]);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    if (norm === 0) return;
    for (const [word, weight] of weights) {
      let list = postings.get(word);
      if (!list) postings.set(word, (list = []));
      list.push({ sentence, weight: weight / norm });
    }
  });
  // The similarity graph as adjacency lists (flat typed arrays: the interpreter is far quicker with them than
  // with an object per edge): cosine similarity of each pair that shares a word.
  const rowStart = new Int32Array(count + 1);
  let targets = new Int32Array(Math.max(16, count * 8));
  let weights = new Float64Array(targets.length);
  let edgeCount = 0;
  const dot = new Float64Array(count);
  const touched: number[] = [];
  termCounts.forEach((counts, row) => {
    rowStart[row] = edgeCount;
    for (const word of counts.keys()) {
      const list = postings.get(word);
      const own = list?.find((entry) => entry.sentence === row);
      if (!list || !own) continue;
      for (const entry of list) {
        if (entry.sentence === row) continue;
        if (dot[entry.sentence] === 0) touched.push(entry.sentence);
        dot[entry.sentence] = dot[entry.sentence]! + own.weight * entry.weight;
      }
    }
    if (edgeCount + touched.length > targets.length) {
      const size = Math.max(targets.length * 2, edgeCount + touched.length);
      const grownTargets = new Int32Array(size);
      grownTargets.set(targets);
      const grownWeights = new Float64Array(size);
      grownWeights.set(weights);
      targets = grownTargets;
      weights = grownWeights;
    }
    for (const column of touched) {
      targets[edgeCount] = column;
      weights[edgeCount++] = dot[column]!;
      dot[column] = 0;
    }
    touched.length = 0;
  });
  rowStart[count] = edgeCount;
  const outgoing = new Float64Array(count);
  for (let row = 0; row < count; row++) for (let edge = rowStart[row]!; edge < rowStart[row + 1]!; edge++) outgoing[row] = outgoing[row]! + weights[edge]!;
  let scores = new Float64Array(count).fill(1 / count);
  const damping = 0.85;
  // Power iteration until the ranks settle (a change below one part in a million), at most 40 rounds.
  for (let iteration = 0; iteration < 40; iteration++) {
    const next = new Float64Array(count).fill((1 - damping) / count);
    for (let source = 0; source < count; source++) {
      if (outgoing[source]! <= 0) continue;
      const share = (damping * scores[source]!) / outgoing[source]!;
      for (let edge = rowStart[source]!; edge < rowStart[source + 1]!; edge++) next[targets[edge]!] = next[targets[edge]!]! + weights[edge]! * share;
    }
    let change = 0;
    for (let index = 0; index < count; index++) change += Math.abs(next[index]! - scores[index]!);
    scores = next;
    if (change < 1e-6) break;
  }
  return Array.from(scores);
}

const LEAD_WEIGHT = 0.6;
const LEAD_SPAN = 0.07;
/** "Task: Unit of execution of a lambda." — a glossary or list entry defines a word; it does not summarise. */
const GLOSSARY_ENTRY = /^[\p{Lu}][\p{L}\p{N}'’ -]{0,40}:\s/u;
/** "…that is, , then is a…": inline maths or code the text walk could not keep leaves punctuation with nothing between. */
const ELIDED_INLINE = /,\s*,|\(\s*\)|\s[,.;:](?=\s|$)/;

export interface SummaryOptions {
  maxSentences?: number;
  maxWords?: number;
}

/**
 * The best-ranked sentences of `text`, verbatim (less inline citation markers) and in text order,
 * within the sentence and word budget; reference lists, captions and navigation are never among
 * them. At most two come from each third of the text, so a summary covers more than the intro.
 */
export function summarizeText(text: string, options: SummaryOptions = {}): string[] {
  const maxSentences = options.maxSentences ?? 5;
  const maxWords = options.maxWords ?? 120;
  const wordCount = (sentence: string) => sentence.split(/\s+/).filter((word) => word.length > 0).length;
  // Headings, captions and fragments have no verb-bearing length; run-ons blow the word budget.
  // A reference entry holds several "sentences" ("Baker, M. (2014). "Title". Blog."): each is judged
  // by the whole lines it sits on, where the entry's "^" or "Retrieved" is.
  const linesAround = (sentence: TextSentence) => {
    const start = text.lastIndexOf('\n', sentence.start) + 1;
    const end = text.indexOf('\n', sentence.start + sentence.text.length);
    return text.slice(start, end < 0 ? text.length : end);
  };
  const candidates = splitSentences(text)
    .filter((sentence) => !isReferenceMatter(linesAround(sentence)))
    .map((sentence) => ({ ...sentence, text: withoutCitationMarkers(sentence.text) }))
    .filter((sentence) => {
      const words = wordCount(sentence.text);
      return words >= 6 && words <= 45 && /[.!?…]["'”’)\]]*$/.test(sentence.text) && !GLOSSARY_ENTRY.test(sentence.text) && !ELIDED_INLINE.test(sentence.text);
    });
  // Writers state what a piece is about near its start (the lead), so centrality alone undersells the
  // opening: a sentence's rank is raised by up to LEAD_WEIGHT, fading over the first fifth of the text.
  const scores = textRankScores(candidates.map((sentence) => sentence.text)).map(
    (score, index) => score * (1 + LEAD_WEIGHT * Math.exp(-candidates[index]!.start / Math.max(1, text.length) / LEAD_SPAN)),
  );
  const order = candidates.map((_sentence, index) => index).sort((left, right) => scores[right]! - scores[left]! || left - right);
  const perThird = [0, 0, 0];
  const chosen: TextSentence[] = [];
  let words = 0;
  for (const index of order) {
    if (chosen.length >= maxSentences) break;
    const sentence = candidates[index]!;
    const third = Math.min(2, Math.floor((3 * sentence.start) / Math.max(1, text.length)));
    const size = wordCount(sentence.text);
    if (perThird[third]! >= 2 || words + size > maxWords) continue;
    perThird[third]!++;
    words += size;
    chosen.push(sentence);
  }
  return chosen.sort((left, right) => left.start - right.start).map((sentence) => sentence.text);
}

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
export function contentWords(sentence: string): string[] {
  const stopWords = new Set(
    ('a an and are as at be been but by can could did do does for from had has have he her his how i if in into is it its ' +
      'just may more most no not of on or our she so such than that the their them then there these they this those to ' +
      'too was we were what when where which while who will with would you your also about after all any each other only ' +
      'over some very one two out up use used using')
      .split(' '),
  );
  return (sentence.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'_-]*/gu) ?? []).filter(
    (word) => word.length > 1 && !stopWords.has(word),
  );
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
  const vectors = termCounts.map((counts) => {
    const vector = new Map<string, number>();
    let norm = 0;
    for (const [word, frequency] of counts) {
      const weight = frequency * Math.log((1 + count) / (1 + (documentFrequency.get(word) ?? 0)) + 1);
      vector.set(word, weight);
      norm += weight * weight;
    }
    return { vector, norm: Math.sqrt(norm) };
  });
  const similarity = (left: number, right: number) => {
    const a = vectors[left]!;
    const b = vectors[right]!;
    if (a.norm === 0 || b.norm === 0) return 0;
    let dot = 0;
    for (const [word, weight] of a.vector) dot += weight * (b.vector.get(word) ?? 0);
    return dot / (a.norm * b.norm);
  };
  const weights: number[][] = [];
  for (let row = 0; row < count; row++) {
    weights.push([]);
    for (let column = 0; column < count; column++) weights[row]!.push(row === column ? 0 : similarity(row, column));
  }
  const outgoing = weights.map((row) => row.reduce((total, weight) => total + weight, 0));
  let scores: number[] = sentences.map(() => 1 / count);
  const damping = 0.85;
  for (let iteration = 0; iteration < 40; iteration++) {
    scores = scores.map((_score, target) => {
      let incoming = 0;
      for (let source = 0; source < count; source++) {
        if (outgoing[source]! > 0) incoming += (weights[source]![target]! / outgoing[source]!) * scores[source]!;
      }
      return (1 - damping) / count + damping * incoming;
    });
  }
  return scores;
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

// Rules for a file view (a blob page).
import { outlineCode } from '../../skills/code-outline';
import { blobData } from '../page-data';
import type { Rule } from '../types';
import { countOf } from '../wording';

export const blobOutline: Rule = {
  id: 'blob-outline',
  kinds: ['github.blob'],
  suggest(context) {
    const blob = blobData(context);
    if (!blob || blob.code.trim() === '') return [];
    const outline = outlineCode(blob);
    const found = [countOf(outline.declarations.length, 'declaration')];
    if (outline.markers.length > 0) found.push(countOf(outline.markers.length, 'TODO marker'));
    const language = blob.language ? `${blob.language}, ` : '';
    if (blob.selection) {
      const range = blob.selection.start === blob.selection.end ? `line ${blob.selection.start}` : `lines ${blob.selection.start}–${blob.selection.end}`;
      return [{
        title: `What ${blob.selection.start === blob.selection.end ? 'is' : 'are'} ${range} part of?`,
        why: `${blob.path} (${language}${countOf(blob.lineCount, 'line')}): ${range} selected${outline.enclosing ? `, inside ${outline.enclosing.kind} ${outline.enclosing.name}` : ''}.`,
        score: 0.55,
        run: { skill: 'file-outline' },
      }];
    }
    // A short file reads faster than its outline.
    if (outline.declarations.length < 3 && outline.markers.length === 0) return [];
    return [{
      title: 'Outline this file',
      why: `${blob.path} (${language}${countOf(blob.lineCount, 'line')}): ${found.join(' and ')} in lines ${outline.read.from}–${outline.read.to}.`,
      score: Math.min(0.5, 0.35 + 0.005 * outline.declarations.length),
      run: { skill: 'file-outline' },
    }];
  },
};

export const blobRules: Rule[] = [blobOutline];

// Accepts and dismissals of suggestion cards, per page kind and rule (a rule dismissed three times on a kind is muted there).
import { storage } from 'wxt/utils/storage';
import type { FeedbackLog } from '../suggest/types';

export const feedbackItem = storage.defineItem<FeedbackLog>('local:suggestion-feedback', { fallback: {} });

import type { ComponentChildren } from 'preact';

export interface EmptyStateProps {
  title: string;
  children?: ComponentChildren;
}

export function EmptyState({ title, children }: EmptyStateProps) {
  return (
    <section class="empty-state" data-testid="empty-state">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

// Size caps on proposed actions: large enough for a long review comment, small enough that a card can
// show all of it and a hijacked proposal cannot smuggle a page's worth of data anywhere.

export const actionLimits = {
  text: 20_000,
  selector: 300,
  label: 200,
  url: 2_048,
} as const;

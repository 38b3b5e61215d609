// The utm_campaign a post's links carry, when the post has no campaign of its own: the first link with one.
const UTM_CAMPAIGN = /[?&]utm_campaign=([^&#\s]+)/i;

export function extractUtmCampaign(text: string): string | null {
  const match = UTM_CAMPAIGN.exec(text);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1].replace(/\+/g, ' '));
  } catch {
    return match[1];
  }
}

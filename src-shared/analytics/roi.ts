// Campaign results: clicks, conversions, value, value per message, cost per conversion and ROI,
// per campaign and per source network. Value = revenue + conversions × value per conversion
// + clicks × value per click (set the per-conversion value to 0 when the file already carries revenue).

export interface CampaignInput {
  readonly utmCampaign: string;
  readonly cost: number;
  readonly valuePerConversion: number;
  readonly valuePerClick: number;
}

export interface ConversionInput {
  readonly utmCampaign: string;
  readonly utmSource: string;
  readonly conversions: number;
  readonly revenue: number;
}

export interface MessageInput {
  readonly utmCampaign: string | null;
  readonly network: string;
  readonly clicks: number;
}

export interface CampaignResult {
  readonly messages: number;
  readonly clicks: number;
  readonly conversions: number;
  readonly revenue: number;
  readonly value: number;
  /** null without messages. */
  readonly valuePerMessage: number | null;
  /** null without conversions. */
  readonly costPerConversion: number | null;
  /** (value − cost) / cost; null when the campaign cost nothing. */
  readonly roi: number | null;
}

export function roi(value: number, cost: number): number | null {
  return cost > 0 ? (value - cost) / cost : null;
}

function result(
  campaign: CampaignInput,
  messages: number,
  clicks: number,
  conversions: number,
  revenue: number,
  cost: number,
): CampaignResult {
  const value = revenue + conversions * campaign.valuePerConversion + clicks * campaign.valuePerClick;
  return {
    messages,
    clicks,
    conversions,
    revenue,
    value,
    valuePerMessage: messages > 0 ? value / messages : null,
    costPerConversion: conversions > 0 ? cost / conversions : null,
    roi: roi(value, cost),
  };
}

export function campaignResult(
  campaign: CampaignInput,
  conversions: readonly ConversionInput[],
  messages: readonly MessageInput[],
): CampaignResult {
  const own = messages.filter((m) => m.utmCampaign === campaign.utmCampaign);
  const conv = conversions.filter((c) => c.utmCampaign === campaign.utmCampaign);
  return result(
    campaign,
    own.length,
    own.reduce((a, m) => a + m.clicks, 0),
    conv.reduce((a, c) => a + c.conversions, 0),
    conv.reduce((a, c) => a + c.revenue, 0),
    campaign.cost,
  );
}

/**
 * The same per source network (utm_source for conversions, the post's network for messages). The cost is
 * shared out by messages, since a campaign's cost is not recorded per network.
 */
export function resultsByNetwork(
  campaign: CampaignInput,
  conversions: readonly ConversionInput[],
  messages: readonly MessageInput[],
): { readonly network: string; readonly result: CampaignResult }[] {
  const own = messages.filter((m) => m.utmCampaign === campaign.utmCampaign);
  const conv = conversions.filter((c) => c.utmCampaign === campaign.utmCampaign);
  const networks = new Set([...own.map((m) => m.network), ...conv.map((c) => c.utmSource.toLowerCase())]);
  return [...networks].sort().map((network) => {
    const m = own.filter((x) => x.network === network);
    const c = conv.filter((x) => x.utmSource.toLowerCase() === network);
    const cost = own.length > 0 ? (campaign.cost * m.length) / own.length : 0;
    return {
      network,
      result: result(
        campaign,
        m.length,
        m.reduce((a, x) => a + x.clicks, 0),
        c.reduce((a, x) => a + x.conversions, 0),
        c.reduce((a, x) => a + x.revenue, 0),
        cost,
      ),
    };
  });
}

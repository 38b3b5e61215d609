// Answers shaped after the shorteners' official API documentation. They are replays of documented
// responses, not a real server: Shlink's swagger (docs/swagger: ShortUrl, VisitsSummary, the v3 problem
// details for invalid data, not found and invalid API key) and YOURLS's includes/functions-api.php,
// functions-shorturls.php (yourls_add_new_link, including its "already exists" answer) and auth.php.

export const SHLINK_KEY = '6ef0a26c-2f5b-4c0c-a0e3-0000replay00';
export const YOURLS_SIGNATURE = '1002a612b4';

/** A Shlink v3 ShortUrl, as in the swagger example (code 12C18) with the v3 visitsSummary. */
export function shlinkShortUrl(origin: string, shortCode: string, longUrl: string, visits: number) {
  return {
    shortCode,
    shortUrl: `${origin}/${shortCode}`,
    longUrl,
    deviceLongUrls: { android: null, ios: null, desktop: null },
    dateCreated: '2016-08-21T20:34:16+02:00',
    visitsSummary: { total: visits, nonBots: visits, bots: 0 },
    tags: ['roost'],
    meta: { validSince: null, validUntil: null, maxVisits: null },
    domain: null,
    title: null,
    crawlable: false,
    forwardQuery: true,
  };
}

export const shlinkInvalidApiKey = {
  type: 'https://shlink.io/api/error/invalid-api-key',
  title: 'Invalid API key',
  detail: 'Provided API key does not exist or is invalid.',
  status: 401,
};

export const shlinkInvalidData = {
  type: 'https://shlink.io/api/error/invalid-data',
  title: 'Invalid data',
  detail: 'Provided data is not valid',
  status: 400,
  invalidElements: ['longUrl'],
};

export function shlinkNotFound(shortCode: string) {
  return {
    type: 'https://shlink.io/api/error/short-url-not-found',
    title: 'Short URL not found',
    detail: `No URL found with short code "${shortCode}"`,
    status: 404,
    shortCode,
  };
}

/** yourls_add_new_link, new link. */
export function yourlsAdded(site: string, keyword: string, url: string) {
  return {
    url: { keyword, url, title: 'Example Domain', date: '2024-05-02 10:00:00', ip: '127.0.0.1' },
    status: 'success',
    message: `${url} added to database`,
    title: 'Example Domain',
    shorturl: `${site}/${keyword}`,
    statusCode: 200,
  };
}

/** yourls_add_new_link when the long URL is stored already: status fail, code error:url, still HTTP 200. */
export function yourlsExists(site: string, keyword: string, url: string, clicks: number) {
  return {
    status: 'fail',
    code: 'error:url',
    url: {
      keyword,
      url,
      title: 'Example Domain',
      date: '2024-05-01 09:00:00',
      ip: '127.0.0.1',
      clicks: String(clicks),
    },
    message: `${url} already exists in database`,
    title: 'Example Domain',
    shorturl: `${site}/${keyword}`,
    statusCode: 200,
  };
}

/** yourls_api_url_stats → yourls_get_link_stats; PDO gives clicks back as a string. */
export function yourlsUrlStats(site: string, keyword: string, url: string, clicks: number) {
  return {
    statusCode: 200,
    message: 'success',
    link: {
      shorturl: `${site}/${keyword}`,
      url,
      title: 'Example Domain',
      timestamp: '2024-05-01 09:00:00',
      ip: '127.0.0.1',
      clicks: String(clicks),
    },
  };
}

export const yourlsNotFoundStats = { statusCode: 404, message: 'Error: short URL not found' };

/** auth.php in API mode when the signature is wrong. */
export const yourlsAuthFailed = { message: 'Invalid username or password', errorCode: '403', callback: '' };

export const yourlsDbStats = {
  'db-stats': { total_links: '2', total_clicks: '7' },
  statusCode: 200,
  message: 'success',
};

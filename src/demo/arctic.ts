/**
 * Arctic Shift posts search, mounted at `/arctic`: `GET /api/posts/search?subreddit=movieleaks&after=&before=
 * &limit=&sort=` → `{"data":[post…]}`. Posts are Reddit t3-like objects. Catalogue titles with
 * `digitalPostDaysAgo` get a post (IMDb link in url / title / selftext); filler posts mention other
 * titles or none, three a day over the last 60 days, anchored to the clock's UTC day so they are stable
 * within a day and paging with `before` works.
 */
import { dayStartSeconds } from './clock.ts';
import { seededRandom, stableId, token } from './hash.ts';
import { json, type Reply, type RouteRequest } from './http.ts';
import { registry as defaultRegistry, type Registry } from './registry.ts';

const SUBREDDIT = 'movieleaks';
const SUBREDDIT_ID = 't5_2wbrs';
const FILLER_DAYS = 60;

export interface RedditPost {
  id: string;
  name: string;
  title: string;
  selftext: string;
  url: string;
  permalink: string;
  subreddit: string;
  subreddit_id: string;
  author: string;
  author_fullname: string;
  created_utc: number;
  retrieved_on: number;
  score: number;
  num_comments: number;
  upvote_ratio: number;
  over_18: boolean;
  is_self: boolean;
  domain: string;
  link_flair_text: string | null;
  _meta?: { retrieved_2nd_on: number };
}

const QUALITIES = ['2160p WEB-DL', '1080p WEB-DL', '1080p WEBRip', '2160p iTunes', '1080p AMZN'];

function post(
  seed: string,
  created: number,
  title: string,
  selftext: string,
  url: string | null,
): RedditPost {
  const random = seededRandom(`post:${seed}`);
  const id = token(`post:${seed}`, 7).toLowerCase();
  const permalink = `/r/${SUBREDDIT}/comments/${id}/${title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 40)}/`;
  const isSelf = url === null;
  const result: RedditPost = {
    id,
    name: `t3_${id}`,
    title,
    selftext,
    url: url ?? `https://www.reddit.com${permalink}`,
    permalink,
    subreddit: SUBREDDIT,
    subreddit_id: SUBREDDIT_ID,
    author: `leaks_bot_${Math.floor(random() * 90) + 10}`,
    author_fullname: `t2_${token(`author:${seed}`, 8).toLowerCase()}`,
    created_utc: created,
    retrieved_on: created + 40,
    score: Math.floor(random() * 400),
    num_comments: Math.floor(random() * 60),
    upvote_ratio: Math.round((0.7 + random() * 0.3) * 100) / 100,
    over_18: false,
    is_self: isSelf,
    domain: isSelf ? `self.${SUBREDDIT}` : new URL(url).hostname,
    link_flair_text: random() < 0.5 ? 'Digital' : null,
  };
  if (random() < 0.3) result._meta = { retrieved_2nd_on: created + 86_400 };
  return result;
}

/** Every post of the fake subreddit, newest first. */
export function allPosts(registry: Registry, now: Date): RedditPost[] {
  const dayStart = dayStartSeconds(now);
  const posts: RedditPost[] = [];
  for (const title of registry.titles) {
    if (title.digitalPostDaysAgo === undefined) continue;
    const created = dayStart - title.digitalPostDaysAgo * 86_400 + 13 * 3600 + 17 * 60;
    const year = /^\d{4}/.exec(title.date)?.[0] ?? '';
    posts.push(
      post(
        `title:${title.imdbId}`,
        created,
        `${title.title} (${year}) 2160p WEB-DL is out`,
        '',
        `https://www.imdb.com/title/${title.imdbId}/`,
      ),
    );
  }
  for (let day = 0; day < FILLER_DAYS; day++) {
    for (let slot = 0; slot < 3; slot++) {
      const created = dayStart - day * 86_400 + slot * 8 * 3600 + 1800;
      if (created > now.getTime() / 1000) continue;
      const seed = `filler:${created}`;
      const random = seededRandom(seed);
      const imdb = `tt${stableId(seed, 1_000_000, 30_000_000)}`;
      const quality = QUALITIES[Math.floor(random() * QUALITIES.length)]!;
      const style = (day + slot) % 4;
      if (style === 0) posts.push(post(seed, created, `[${quality}] release ${imdb}`, '', null));
      else if (style === 1) {
        posts.push(
          post(
            seed,
            created,
            `New digital release (${quality})`,
            `IMDb: https://www.imdb.com/title/${imdb}/`,
            null,
          ),
        );
      } else if (style === 2) {
        posts.push(post(seed, created, `${quality} now available`, '', `https://m.imdb.com/title/${imdb}/`));
      } else {
        posts.push(post(seed, created, 'Weekly discussion thread', 'What are you watching this week?', null));
      }
    }
  }
  return posts.sort((a, b) => b.created_utc - a.created_utc);
}

/** Epoch seconds from epoch seconds, epoch milliseconds or an ISO date; undefined when absent, NaN when bad. */
function timeParam(value: string | null): number | undefined {
  if (value === null || value === '') return undefined;
  if (/^\d{1,10}$/.test(value)) return Number(value);
  if (/^\d{13}$/.test(value)) return Math.floor(Number(value) / 1000);
  if (value.length > 40) return Number.NaN;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? Number.NaN : Math.floor(parsed / 1000);
}

export function arcticRoute(request: RouteRequest, registry: Registry = defaultRegistry): Reply {
  if (request.path !== '/api/posts/search') return json(404, { error: 'Not found' });
  const q = request.query;
  const subreddit = q.get('subreddit')?.trim();
  if (!subreddit && !q.get('author')) return json(400, { error: 'subreddit or author is required' });
  const after = timeParam(q.get('after'));
  const before = timeParam(q.get('before'));
  if (Number.isNaN(after) || Number.isNaN(before)) return json(400, { error: 'Invalid after/before date' });
  const limitText = q.get('limit') ?? '25';
  const limit = limitText === 'auto' ? 100 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    return json(400, { error: 'limit must be an integer between 1 and 100 or auto' });
  }
  const sort = q.get('sort') ?? 'desc';
  if (sort !== 'asc' && sort !== 'desc') return json(400, { error: 'sort must be asc or desc' });
  if (subreddit?.toLowerCase() !== SUBREDDIT || q.get('author')) return json(200, { data: [] });
  let posts = allPosts(registry, request.now).filter(
    (p) => (after === undefined || p.created_utc > after) && (before === undefined || p.created_utc < before),
  );
  if (sort === 'asc') posts = posts.reverse();
  return json(200, { data: posts.slice(0, limit) });
}

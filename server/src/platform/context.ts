import type { Config } from '../config.js';
import type { Db, Dialect } from '../db/database.js';
import type { Clock } from './clock.js';
import type { Logger } from './logger.js';
import type { Actor, Origin } from './access/actor.js';

/** What every service needs, built once at boot. */
export type AppContext = { db: Db; dialect: Dialect; config: Config; clock: Clock; logger: Logger };

/** AppContext plus who asks and from where: passed to every service call made for a request. */
export type RequestContext = AppContext & { actor: Actor; origin: Origin };

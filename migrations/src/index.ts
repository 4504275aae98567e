import { Foundation1764000000000 } from './1764000000000-Foundation';
import { Orders1764000001000 } from './1764000001000-Orders';
import { Gifts1764000002000 } from './1764000002000-Gifts';

/** Every migration, oldest first. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS = [Foundation1764000000000, Orders1764000001000, Gifts1764000002000];

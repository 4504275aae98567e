import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from './user.entity';

const MAX_REMEMBERED = 100_000;

/**
 * Which user ids exist, remembered once seen: users are never deleted except by the test reset,
 * which calls `forget()`. Saves a query on every authenticated request.
 */
@Injectable()
export class KnownUsers {
  private readonly seen = new Set<string>();

  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async exists(userId: string): Promise<boolean> {
    if (this.seen.has(userId)) return true;
    if (!(await this.users.existsBy({ id: userId }))) return false;
    this.remember(userId);
    return true;
  }

  /** A user just read or written (at login) exists. */
  remember(userId: string): void {
    if (this.seen.size >= MAX_REMEMBERED) this.seen.clear();
    this.seen.add(userId);
  }

  forget(): void {
    this.seen.clear();
  }
}

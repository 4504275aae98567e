import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import type { LoginResponse, MeView, UserView } from '@giftshop/shared';
import { In, Repository } from 'typeorm';
import { Shop } from '../catalog/shop.entity';
import { NotFoundError, UnauthenticatedError } from '../common/domain-errors';
import { IDENTITY_PROVIDER, IdentityProvider } from './identity-provider';
import { KnownUsers } from './known-users';
import { User } from './user.entity';

/** How long a login lasts; every token carries it as `exp`. */
export const TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60;

export function toUserView(user: User): UserView {
  return { id: user.id, openId: user.openId, nickname: user.nickname, avatarUrl: user.avatarUrl };
}

@Injectable()
export class IdentityService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Shop) private readonly shops: Repository<Shop>,
    private readonly jwt: JwtService,
    private readonly knownUsers: KnownUsers,
    @Inject(IDENTITY_PROVIDER) private readonly provider: IdentityProvider,
  ) {}

  /** The sandbox login: whoever names an openId is that user (only routed where allowed). */
  devLogin(openId: string, nickname?: string): Promise<LoginResponse> {
    return this.signIn(openId, nickname);
  }

  /** The mini-program login: the provider proves the openId behind a `wx.login` code. */
  async wechatLogin(code: string): Promise<LoginResponse> {
    const { openId } = await this.provider.identify(code);
    return this.signIn(openId);
  }

  /** The same openId is always the same user; a nickname given renames them. */
  private async signIn(openId: string, nickname?: string): Promise<LoginResponse> {
    await this.users
      .createQueryBuilder()
      .insert()
      .values({ openId, nickname: nickname ?? `微信用户${openId.slice(-4)}` })
      .orIgnore()
      .execute();
    if (nickname) await this.users.update({ openId }, { nickname });
    const user = await this.users.findOneByOrFail({ openId });
    this.knownUsers.remember(user.id);
    const token = this.jwt.sign({ sub: user.id }, { expiresIn: TOKEN_TTL_SECONDS });
    return { token, user: toUserView(user) };
  }

  async me(userId: string): Promise<MeView> {
    const user = await this.users.findOneBy({ id: userId });
    if (!user) throw new UnauthenticatedError('the token names a user that no longer exists');
    const shops = await this.shops.find({
      where: { ownerId: userId },
      select: { id: true },
      order: { openedAt: 'ASC' },
    });
    return { ...toUserView(user), shopIds: shops.map((s) => s.id) };
  }

  async getUser(userId: string): Promise<User> {
    const user = await this.users.findOneBy({ id: userId });
    if (!user) throw new NotFoundError('user');
    return user;
  }

  async usersByIds(ids: string[]): Promise<Map<string, User>> {
    if (ids.length === 0) return new Map();
    const found = await this.users.findBy({ id: In(ids) });
    return new Map(found.map((u) => [u.id, u]));
  }
}

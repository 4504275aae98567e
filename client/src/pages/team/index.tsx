import { Button, Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { TeamView } from '@giftshop/shared';
import { apiPost } from '../../api/client';
import { FormError } from '../../components/FormError';
import { SeatForm } from '../../components/SeatForm';
import { AsyncView } from '../../components/StatusView';
import { joinCheck, membersNeeded, seatsText, teamCountdown, teamStatusLabel } from '../../components/TeamCard/labels';
import { useAction } from '../../hooks/useApi';
import { useProduct } from '../../hooks/useCatalog';
import { useChats } from '../../hooks/useChats';
import { useTeam } from '../../hooks/useGroupBuys';
import { useNow, usePageTitle, usePolling, useReloadOnShow } from '../../hooks/usePage';
import { useRequireLogin, useSession } from '../../hooks/useSession';
import { useI18n } from '../../i18n';
import { go, routes } from '../../routes';
import { Members } from './Members';
import './index.scss';

/**
 * One team (拼团): the product, who is in (leader, paid or 待支付), the seats left and the deadline;
 * a friend joins here (SKU, address, pay), members share it into another chat; once formed or
 * failed it says so. Polls so the others' seats appear.
 */
export default function TeamPage() {
  usePageTitle('page.team');
  useRequireLogin();
  const params = useRouter().params;
  const team = useTeam(params.id);
  useReloadOnShow(team.reload);
  usePolling(() => void team.reload({ silent: true }), 4000);
  const scene = params.scene === 'chat' || params.scene === 'group_chat' ? params.scene : undefined;

  return (
    <View className="page team-page">
      <AsyncView state={team}>
        {(data) => <Team team={data} scene={scene} reload={() => team.reload({ silent: true })} />}
      </AsyncView>
    </View>
  );
}

function Team({ team, scene, reload }: { team: TeamView; scene?: 'chat' | 'group_chat'; reload: () => Promise<void> }) {
  const { t } = useI18n();
  const session = useSession();
  const now = useNow();
  const me = team.members.find((m) => m.userId === session?.user.id);
  const verdict = joinCheck(team, session?.user.id, new Date(now));
  const countdown = teamCountdown(team, now);
  // Once the seat form is open it stays until paid or backed out of: the seat it takes makes the
  // caller a member (no longer allowed to join) while the pay sheet is still up.
  const [joining, setJoining] = useState(false);

  return (
    <>
      <View className="team-head" data-testid="team-header">
        {team.imageUrl ? (
          <Image className="team-head__image" src={team.imageUrl} mode="aspectFill" />
        ) : (
          <Text className="team-head__icon">👥</Text>
        )}
        <Text className="team-head__title">{team.productTitle}</Text>
        <Text className="team-head__pill" data-testid="team-status" data-status={team.status}>
          {teamStatusLabel(team.status)}
        </Text>
        <Text className="team-head__seats" data-testid="team-seats">
          {seatsText(team)}
        </Text>
        {countdown && (
          <Text className="team-head__countdown" data-testid="team-countdown">
            {countdown}
          </Text>
        )}
      </View>
      <Members team={team} />
      {me && !joining && (
        <View className="section">
          <Text data-testid="team-joined">{t('team.joined')}</Text>
          {me.paidAt === null && (
            <Button
              className="btn btn--primary btn--small"
              data-testid="team-pay-orders"
              onClick={() => go(routes.orders())}
            >
              {t('team.payInOrders')}
            </Button>
          )}
        </View>
      )}
      {(verdict.ok || joining) && (
        <Join team={team} scene={scene} open={joining} setOpen={setJoining} reload={reload} />
      )}
      {!verdict.ok && !me && team.status === 'open' && (
        <FormError error={t(`serverCode.${verdict.code}`)} testId="team-join-refused" />
      )}
      {me && team.status === 'open' && <Share team={team} need={membersNeeded(team)} />}
    </>
  );
}

/** 参与拼团: opens the seat form (SKU at the group price, address), then pays. */
function Join({
  team,
  scene,
  open,
  setOpen,
  reload,
}: {
  team: TeamView;
  scene?: 'chat' | 'group_chat';
  open: boolean;
  setOpen: (open: boolean) => void;
  reload: () => Promise<void>;
}) {
  const { t } = useI18n();
  const product = useProduct(team.productId);

  if (!open) {
    return (
      <View className="section">
        <Button className="btn btn--group" data-testid="team-join" onClick={() => setOpen(true)}>
          {t('team.join')}
        </Button>
      </View>
    );
  }
  return (
    <View className="team-page__join">
      <AsyncView state={product}>
        {(data) => (
          <SeatForm
            skus={data.skus}
            prices={team.skus}
            payee={data.shopName}
            submitLabel={t('team.joinSubmit')}
            submitTestId="team-join-submit"
            place={(seat, idempotencyKey) =>
              apiPost('/group-buys/{teamId}/join', {
                path: { teamId: team.id },
                body: { ...seat, ...(scene ? { scene } : {}) },
                idempotencyKey,
              })
            }
            onPaid={async () => {
              setOpen(false);
              await reload();
              // The form was long: show the team (now with the caller's paid seat) from its top.
              await Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
            }}
          />
        )}
      </AsyncView>
    </View>
  );
}

/** A member sends the team's link into another chat, as a text message. */
function Share({ team, need }: { team: TeamView; need: number }) {
  const { t } = useI18n();
  const [picking, setPicking] = useState(false);
  const [sharedTo, setSharedTo] = useState<string | null>(null);
  const chats = useChats();
  const share = useAction(async (chatId: string, title: string) => {
    const text = t('team.shareText', { title: team.productTitle, need, url: routes.team(team.id) });
    await apiPost('/chats/{id}/messages', { path: { id: chatId }, body: { text } });
    setSharedTo(title);
    setPicking(false);
  });

  return (
    <View className="section">
      <Button className="btn btn--plain btn--small" data-testid="team-share" onClick={() => setPicking((p) => !p)}>
        {t('team.share')}
      </Button>
      {picking && (
        <AsyncView state={chats} isEmpty={(list) => list.length === 0} emptyText={t('chats.empty')}>
          {(list) =>
            list.map((chat) => (
              <View
                key={chat.id}
                className="row"
                data-testid={`team-share-chat-${chat.id}`}
                onClick={() => void share.run(chat.id, chat.title)}
              >
                <Text>
                  {chat.type === 'group' ? '👥 ' : '👤 '}
                  {chat.title}
                </Text>
                <Text className="muted">{t('product.send')}</Text>
              </View>
            ))
          }
        </AsyncView>
      )}
      {sharedTo && (
        <Text className="muted" data-testid="team-shared">
          {t('team.shared', { chat: sharedTo })}
        </Text>
      )}
      <FormError error={share.error} testId="team-share-error" />
    </View>
  );
}

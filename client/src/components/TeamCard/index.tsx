import { Image, Text, View } from '@tarojs/components';
import { useTeam } from '../../hooks/useGroupBuys';
import { useNow } from '../../hooks/usePage';
import { useI18n } from '../../i18n';
import { go, routes } from '../../routes';
import { seatsText, teamCountdown, teamStatusLabel } from './labels';
import './index.scss';

/**
 * The 拼团 card a leader's payment posts into a chat (`team-card-<teamId>`): the product, the paid
 * members, the seats left and the countdown; it opens the team page.
 */
export function TeamCard({ teamId, scene }: { teamId: string; scene: 'chat' | 'group_chat' }) {
  const { t } = useI18n();
  const team = useTeam(teamId);
  const now = useNow();

  return (
    <View className="team-card" data-testid={`team-card-${teamId}`} onClick={() => go(routes.team(teamId, scene))}>
      <View className="team-card__top">
        {team.status === 'ready' && team.data.imageUrl ? (
          <Image className="team-card__image" src={team.data.imageUrl} mode="aspectFill" />
        ) : (
          <Text className="team-card__icon">👥</Text>
        )}
        <View className="team-card__text">
          <Text className="team-card__title">{team.status === 'ready' ? team.data.productTitle : t('page.team')}</Text>
          {team.status === 'ready' && (
            <>
              <Text className="team-card__line" data-testid={`team-card-seats-${teamId}`}>
                {seatsText(team.data)}
              </Text>
              <Text className="team-card__line">
                {t('team.members', { paid: team.data.paidCount, size: team.data.groupSize })}
                {teamCountdown(team.data, now) ? ` · ${teamCountdown(team.data, now)}` : ''}
              </Text>
            </>
          )}
        </View>
      </View>
      <View className="team-card__bottom">
        <Text>
          {t('team.cardTitle')}
          {team.status === 'ready' && ` · ${teamStatusLabel(team.data.status)}`}
          {team.status === 'loading' && ` · ${t('common.loading')}`}
        </Text>
      </View>
    </View>
  );
}

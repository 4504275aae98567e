import { Text, View } from '@tarojs/components';
import { AsyncView } from '../../components/StatusView';
import { teamStatusLabel } from '../../components/TeamCard/labels';
import { useDealTeams } from '../../hooks/useGroupBuys';
import { useI18n } from '../../i18n';
import { formatTime } from '../../i18n/labels';

/** One deal's teams: state, who is in (paid or not), the deadline or when it formed. */
export function DealTeams({ dealId }: { dealId: string }) {
  const { t } = useI18n();
  const teams = useDealTeams(dealId);
  return (
    <View className="merchant-deals__teams">
      <AsyncView state={teams} isEmpty={(list) => list.length === 0} emptyText={t('deals.noTeams')}>
        {(list) =>
          list.map((team) => (
            <View key={team.id} className="merchant-deals__team" data-testid={`deal-team-${team.id}`}>
              <View className="row">
                <Text className="tag" data-testid={`deal-team-status-${team.id}`}>
                  {teamStatusLabel(team.status)}
                </Text>
                <Text className="muted">{t('team.members', { paid: team.paidCount, size: team.groupSize })}</Text>
                <Text className="muted">{formatTime(team.formedAt ?? team.expiresAt ?? team.createdAt)}</Text>
              </View>
              <Text className="muted">
                {team.members
                  .map(
                    (m) =>
                      `${m.nickname}${m.leader ? `（${t('team.leader')}）` : ''}${m.paidAt ? '' : ` · ${t('team.unpaid')}`}`,
                  )
                  .join('、')}
              </Text>
            </View>
          ))
        }
      </AsyncView>
    </View>
  );
}

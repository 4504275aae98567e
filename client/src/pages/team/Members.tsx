import { Image, Text, View } from '@tarojs/components';
import type { TeamMemberView, TeamView } from '@giftshop/shared';
import { useI18n } from '../../i18n';

/** The team's seats: each member (avatar, nickname, 团长, 已支付 / 待支付), then the open ones. */
export function Members({ team }: { team: TeamView }) {
  const open = Math.max(0, team.groupSize - team.members.length);
  return (
    <View className="section team-members" data-testid="team-members">
      {team.members.map((member) => (
        <Member key={member.userId} member={member} />
      ))}
      {Array.from({ length: open }, (_, i) => (
        <View key={`open-${i}`} className="team-member team-member--open" data-testid="team-open-seat">
          <View className="team-member__avatar">
            <Text>?</Text>
          </View>
        </View>
      ))}
    </View>
  );
}

function Member({ member }: { member: TeamMemberView }) {
  const { t } = useI18n();
  const paid = member.paidAt !== null;
  return (
    <View className="team-member" data-testid={`team-member-${member.userId}`} data-paid={String(paid)}>
      <View className="team-member__avatar">
        {member.avatarUrl ? (
          <Image className="team-member__image" src={member.avatarUrl} mode="aspectFill" />
        ) : (
          <Text>{member.nickname.slice(0, 1)}</Text>
        )}
        {member.leader && <Text className="team-member__leader">{t('team.leader')}</Text>}
      </View>
      <Text className="team-member__name">{member.nickname}</Text>
      <Text className={`team-member__state ${paid ? '' : 'team-member__state--unpaid'}`}>
        {paid ? t('team.paid') : t('team.unpaid')}
      </Text>
    </View>
  );
}

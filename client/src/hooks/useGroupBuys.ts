import type { GroupDealSummaryView, TeamView } from '@giftshop/shared';
import { apiUrl } from '../api/routes';
import { useReloadAfterWrite, useUserApi, type ApiState } from './useApi';

/** One team (拼团) as anyone with its link sees it: members, seats, deadline; never an address. */
export function useTeam(teamId: string | undefined): ApiState<TeamView> {
  const team = useUserApi(teamId ? apiUrl('/group-buys/{teamId}', { path: { teamId } }) : null);
  // Joining posts under the team's path: show the new seat at once.
  useReloadAfterWrite(teamId ? `/group-buys/${teamId}/` : null, team.reload);
  return team;
}

/** The shop's group deals with their teams counted by status (owner only). */
export function useGroupDeals(shopId: string | undefined): ApiState<GroupDealSummaryView[]> {
  return useUserApi(shopId ? apiUrl('/shops/{shopId}/group-deals', { path: { shopId } }) : null);
}

/** The teams of one deal (owner only). */
export function useDealTeams(dealId: string | undefined): ApiState<TeamView[]> {
  return useUserApi(dealId ? apiUrl('/group-deals/{id}/teams', { path: { id: dealId } }) : null);
}

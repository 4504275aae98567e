import type { FriendRequestDeclined, FriendRequestResult, FriendRequestView } from '@giftshop/shared';
import { apiPost } from '../api/client';
import { apiUrl } from '../api/routes';
import { useUserApi, type ApiState } from './useApi';

/** Friend requests waiting for the caller, newest first. */
export function useFriendRequests(): ApiState<FriendRequestView[]> {
  return useUserApi(apiUrl('/friend-requests'));
}

/** Accepting is asking back: both are then friends and their direct chat opens. */
export function acceptFriendRequest(request: FriendRequestView): Promise<FriendRequestResult> {
  return apiPost('/friends', { body: { userId: request.fromUserId } });
}

export function declineFriendRequest(request: FriendRequestView): Promise<FriendRequestDeclined> {
  return apiPost('/friend-requests/{id}/decline', { path: { id: request.id } });
}

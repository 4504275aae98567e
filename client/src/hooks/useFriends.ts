import type { FriendRequestDeclined, FriendRequestResult, FriendRequestView } from '@giftshop/shared';
import { apiPost } from '../api/client';
import { useUserApi } from './useApi';

/** Friend requests waiting for the caller, newest first. */
export function useFriendRequests() {
  return useUserApi<FriendRequestView[]>('/friend-requests');
}

/** Accepting is asking back: both are then friends and their direct chat opens. */
export function acceptFriendRequest(request: FriendRequestView): Promise<FriendRequestResult> {
  return apiPost<FriendRequestResult>('/friends', { userId: request.fromUserId });
}

export function declineFriendRequest(request: FriendRequestView): Promise<FriendRequestDeclined> {
  return apiPost<FriendRequestDeclined>(`/friend-requests/${request.id}/decline`);
}

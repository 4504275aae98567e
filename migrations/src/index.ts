import { Foundation1764000000000 } from './1764000000000-Foundation';
import { Orders1764000001000 } from './1764000001000-Orders';
import { Gifts1764000002000 } from './1764000002000-Gifts';
import { OrderDomain1764000003000 } from './1764000003000-OrderDomain';
import { Ledger1764000004000 } from './1764000004000-Ledger';
import { Search1764000005000 } from './1764000005000-Search';
import { FriendRequests1764000006000 } from './1764000006000-FriendRequests';
import { RefundOutbox1764000007000 } from './1764000007000-RefundOutbox';
import { AddressBook1764000008000 } from './1764000008000-AddressBook';
import { ChatNotices1764000009000 } from './1764000009000-ChatNotices';
import { PaymentStates1764000010000 } from './1764000010000-PaymentStates';
import { Fulfilments1764000011000 } from './1764000011000-Fulfilments';
import { LedgerState1764000012000 } from './1764000012000-LedgerState';
import { PaidAmounts1764000013000 } from './1764000013000-PaidAmounts';
import { SearchTiers1764000014000 } from './1764000014000-SearchTiers';
import { SharedProcessState1764000015000 } from './1764000015000-SharedProcessState';
import { GroupBuys1764000016000 } from './1764000016000-GroupBuys';
import { Commissions1764000017000 } from './1764000017000-Commissions';
import { CouponsAndGiftCards1764000018000 } from './1764000018000-CouponsAndGiftCards';
import { ReplicaHeartbeat1764000019000 } from './1764000019000-ReplicaHeartbeat';

/** Every migration, oldest first. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS = [
  Foundation1764000000000,
  Orders1764000001000,
  Gifts1764000002000,
  OrderDomain1764000003000,
  Ledger1764000004000,
  Search1764000005000,
  FriendRequests1764000006000,
  RefundOutbox1764000007000,
  AddressBook1764000008000,
  ChatNotices1764000009000,
  PaymentStates1764000010000,
  Fulfilments1764000011000,
  LedgerState1764000012000,
  PaidAmounts1764000013000,
  SearchTiers1764000014000,
  SharedProcessState1764000015000,
  GroupBuys1764000016000,
  Commissions1764000017000,
  CouponsAndGiftCards1764000018000,
  ReplicaHeartbeat1764000019000,
];

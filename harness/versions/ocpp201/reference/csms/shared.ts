// The version-neutral helpers the 2.0.1 reference CSMS borrows from the 1.6 reference peers (ocpp-rpc's
// typed view, timers, frame log). One import point, so a move of those files touches one line here.

export {
  NOREPLY,
  RPCClient,
  RPCServer,
  createRPCError,
  isRpcError,
  type RpcClientLike,
  type RpcHandlerArgs,
  type RpcServerClientLike,
  type RpcServerLike,
  type RpcValidatorLike,
} from '../../../../peers/ocpp-rpc.js';
export {
  FrameLog,
  TimerBag,
  asRecord,
  errText,
  int,
  isRecord,
  newMessageId,
  str,
  type FrameListener,
  type FrameRecord,
} from '../../../../peers/peer-util.js';

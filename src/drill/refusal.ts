import { Failure } from '../failure.js'

/** A pre-flight check refused the drill before anything was sent: the message says why and what to do. */
export class DrillRefusal extends Failure {
  constructor(message: string) {
    super(message)
    this.name = 'DrillRefusal'
  }
}
